// In-memory conversations of the local Direct Line. Each conversation keeps its own activities (capped
// in number and in bytes), numbers them (the watermark is the last number a client has seen), tells
// its subscribers about new ones, and expires when idle. The store caps how many conversations one
// client may hold and the bytes kept in all of them; when full it makes room by ending idle
// conversations only, and otherwise refuses new ones: a conversation someone is using is never ended
// to make room for another.

/** An activity as the local Direct Line stores and delivers it: a JSON object with an id. */
export type StoredActivity = { id: string; type: string } & Record<string, unknown>;

/** An activity before it is stored: the conversation gives it an id unless it keeps an existing one. */
export type NewActivity = { id?: string; type: string } & Record<string, unknown>;

export interface ActivitySet {
  activities: StoredActivity[];
  watermark: string;
}

export interface ConversationListener {
  activities(set: ActivitySet): void;
  ended(): void;
}

interface Entry {
  seq: number;
  activity: StoredActivity;
  bytes: number;
}

/** Why a new conversation was refused: this client holds too many, or the service is full. */
export class ConversationLimitError extends Error {
  constructor(readonly reason: 'client' | 'full') {
    super(reason === 'client' ? 'too many conversations from this client' : 'no room for a new conversation');
    this.name = 'ConversationLimitError';
  }
}

/** How a conversation keeps the store's byte count right and asks for room. */
interface ByteBudget {
  /** Called with the change in bytes kept; true while the store is over its total budget. */
  change(delta: number): boolean;
}

const unlimited: ByteBudget = { change: () => false };

export class Conversation {
  private seq = 0;
  private entries: Entry[] = [];
  private readonly listeners = new Set<ConversationListener>();
  private queue: Promise<unknown> = Promise.resolve();
  private keptBytes = 0;
  /** True once the bot has been told the conversation started. */
  started = false;
  lastActive: number;

  constructor(
    readonly id: string,
    readonly userId: string,
    readonly locale: string | undefined,
    private readonly maxActivities: number,
    now: number,
    private readonly maxBytes = Infinity,
    private readonly budget: ByteBudget = unlimited,
    /** The client that opened it (counted against its per-client cap). */
    readonly client = '',
  ) {
    this.lastActive = now;
  }

  /** Bytes of the activities kept (their JSON). */
  get bytes(): number {
    return this.keptBytes;
  }

  /**
   * Stores an activity, gives it the next id, and delivers it to current subscribers. The oldest
   * activities go first when the conversation (or the whole store) is over its byte limit.
   */
  append(activity: NewActivity): StoredActivity {
    this.seq += 1;
    const stored: StoredActivity = {
      ...activity,
      id: activity.id ?? `${this.id}|${String(this.seq).padStart(7, '0')}`,
    };
    const bytes = Buffer.byteLength(JSON.stringify(stored));
    this.entries.push({ seq: this.seq, activity: stored, bytes });
    let overBudget = this.budget.change(bytes);
    this.keptBytes += bytes;
    while (
      this.entries.length > 1 &&
      (this.entries.length > this.maxActivities || this.keptBytes > this.maxBytes || overBudget)
    ) {
      const dropped = this.entries.shift() as Entry;
      this.keptBytes -= dropped.bytes;
      overBudget = this.budget.change(-dropped.bytes);
    }
    const set = { activities: [stored], watermark: String(this.seq) };
    for (const listener of this.listeners) listener.activities(set);
    return stored;
  }

  has(activityId: string): boolean {
    return this.entries.some((entry) => entry.activity.id === activityId);
  }

  /** Replaces an activity (same id); clients see the new version as a new delivery. */
  replace(activityId: string, activity: NewActivity): StoredActivity | undefined {
    if (!this.remove(activityId)) return undefined;
    return this.append({ ...activity, id: activityId });
  }

  remove(activityId: string): boolean {
    const index = this.entries.findIndex((entry) => entry.activity.id === activityId);
    if (index < 0) return false;
    const [removed] = this.entries.splice(index, 1);
    this.keptBytes -= (removed as Entry).bytes;
    this.budget.change(-(removed as Entry).bytes);
    return true;
  }

  /** Activities after the watermark (all of them for an empty or unreadable watermark). */
  since(watermark: string | undefined): ActivitySet {
    const after = watermark !== undefined && /^\d+$/.test(watermark) ? Number(watermark) : 0;
    return {
      activities: this.entries.filter((entry) => entry.seq > after).map((entry) => entry.activity),
      watermark: String(this.seq),
    };
  }

  subscribe(listener: ConversationListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get subscriberCount(): number {
    return this.listeners.size;
  }

  /** Runs work for this conversation one piece at a time, in order (turns reach the bot in sequence). */
  serialise<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work, work);
    this.queue = result.catch(() => undefined);
    return result;
  }

  end(): void {
    for (const listener of [...this.listeners]) listener.ended();
    this.listeners.clear();
    this.entries = [];
    this.budget.change(-this.keptBytes);
    this.keptBytes = 0;
  }
}

export interface ConversationStoreOptions {
  maxActivitiesPerConversation: number;
  maxConversations: number;
  idleMs: number;
  sweepIntervalMs: number;
  /** Conversations one client may hold at once. Default: no limit. */
  maxConversationsPerClient?: number;
  /** Bytes of activities one conversation keeps (its oldest go first). Default: no limit. */
  maxConversationBytes?: number;
  /** Bytes of activities all conversations keep together. Default: no limit. */
  maxTotalBytes?: number;
  /**
   * A conversation with no open stream and nothing for this long may be ended to make room.
   * Default: 5 minutes.
   */
  evictIdleAfterMs?: number;
  now?: () => number;
}

export class ConversationStore {
  private readonly conversations = new Map<string, Conversation>();
  private readonly perClient = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;
  private readonly now: () => number;
  private totalBytes = 0;
  private readonly budget: ByteBudget = {
    change: (delta) => {
      this.totalBytes += delta;
      return this.totalBytes > (this.options.maxTotalBytes ?? Infinity);
    },
  };

  constructor(private readonly options: ConversationStoreOptions) {
    this.now = options.now ?? Date.now;
    this.timer = setInterval(() => this.sweep(), options.sweepIntervalMs);
    this.timer.unref();
  }

  get size(): number {
    return this.conversations.size;
  }

  /** Bytes of activities kept in all conversations. */
  get bytes(): number {
    return this.totalBytes;
  }

  /** A new conversation; throws ConversationLimitError when the client or the store is full. */
  create(id: string, userId: string, locale: string | undefined, client = ''): Conversation {
    if ((this.perClient.get(client) ?? 0) >= (this.options.maxConversationsPerClient ?? Infinity))
      throw new ConversationLimitError('client');
    while (this.isFull()) {
      if (!this.evictIdle()) throw new ConversationLimitError('full');
    }
    const conversation = new Conversation(
      id,
      userId,
      locale,
      this.options.maxActivitiesPerConversation,
      this.now(),
      this.options.maxConversationBytes ?? Infinity,
      this.budget,
      client,
    );
    this.conversations.set(id, conversation);
    this.perClient.set(client, (this.perClient.get(client) ?? 0) + 1);
    return conversation;
  }

  private isFull(): boolean {
    return (
      this.conversations.size >= this.options.maxConversations ||
      this.totalBytes >= (this.options.maxTotalBytes ?? Infinity)
    );
  }

  /** The conversation, marked as active; undefined if it never existed or has expired. */
  get(id: string): Conversation | undefined {
    const conversation = this.conversations.get(id);
    if (conversation) conversation.lastActive = this.now();
    return conversation;
  }

  /** Ends conversations idle for longer than the limit. Returns how many ended. */
  sweep(): number {
    const cutoff = this.now() - this.options.idleMs;
    let ended = 0;
    for (const conversation of [...this.conversations.values()]) {
      if (conversation.lastActive < cutoff) {
        this.end(conversation);
        ended += 1;
      }
    }
    return ended;
  }

  close(): void {
    clearInterval(this.timer);
    for (const conversation of [...this.conversations.values()]) this.end(conversation);
  }

  /** Ends the least recently active idle conversation; false when every one is in use. */
  private evictIdle(): boolean {
    const cutoff = this.now() - (this.options.evictIdleAfterMs ?? 5 * 60 * 1000);
    let oldest: Conversation | undefined;
    for (const conversation of this.conversations.values()) {
      if (conversation.subscriberCount > 0 || conversation.lastActive > cutoff) continue;
      if (!oldest || conversation.lastActive < oldest.lastActive) oldest = conversation;
    }
    if (oldest) this.end(oldest);
    return oldest !== undefined;
  }

  private end(conversation: Conversation): void {
    if (!this.conversations.delete(conversation.id)) return;
    const held = (this.perClient.get(conversation.client) ?? 1) - 1;
    if (held > 0) this.perClient.set(conversation.client, held);
    else this.perClient.delete(conversation.client);
    conversation.end();
  }
}
