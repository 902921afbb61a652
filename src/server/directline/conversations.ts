// In-memory conversations of the local Direct Line. Each conversation keeps its own activities (capped),
// numbers them (the watermark is the last number a client has seen), tells its subscribers about new
// ones, and expires when idle. Nothing here is shared between conversations.

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
}

export class Conversation {
  private seq = 0;
  private entries: Entry[] = [];
  private readonly listeners = new Set<ConversationListener>();
  private queue: Promise<unknown> = Promise.resolve();
  /** True once the bot has been told the conversation started. */
  started = false;
  lastActive: number;

  constructor(
    readonly id: string,
    readonly userId: string,
    readonly locale: string | undefined,
    private readonly maxActivities: number,
    now: number,
  ) {
    this.lastActive = now;
  }

  /** Stores an activity, gives it the next id, and delivers it to current subscribers. */
  append(activity: NewActivity): StoredActivity {
    this.seq += 1;
    const stored: StoredActivity = {
      ...activity,
      id: activity.id ?? `${this.id}|${String(this.seq).padStart(7, '0')}`,
    };
    this.entries.push({ seq: this.seq, activity: stored });
    if (this.entries.length > this.maxActivities)
      this.entries.splice(0, this.entries.length - this.maxActivities);
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
    this.entries.splice(index, 1);
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
  }
}

export interface ConversationStoreOptions {
  maxActivitiesPerConversation: number;
  maxConversations: number;
  idleMs: number;
  sweepIntervalMs: number;
  now?: () => number;
}

export class ConversationStore {
  private readonly conversations = new Map<string, Conversation>();
  private readonly timer: NodeJS.Timeout;
  private readonly now: () => number;

  constructor(private readonly options: ConversationStoreOptions) {
    this.now = options.now ?? Date.now;
    this.timer = setInterval(() => this.sweep(), options.sweepIntervalMs);
    this.timer.unref();
  }

  get size(): number {
    return this.conversations.size;
  }

  create(id: string, userId: string, locale: string | undefined): Conversation {
    while (this.conversations.size >= this.options.maxConversations) this.evictLeastRecentlyActive();
    const conversation = new Conversation(
      id,
      userId,
      locale,
      this.options.maxActivitiesPerConversation,
      this.now(),
    );
    this.conversations.set(id, conversation);
    return conversation;
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

  private evictLeastRecentlyActive(): void {
    let oldest: Conversation | undefined;
    for (const conversation of this.conversations.values()) {
      if (!oldest || conversation.lastActive < oldest.lastActive) oldest = conversation;
    }
    if (oldest) this.end(oldest);
  }

  private end(conversation: Conversation): void {
    this.conversations.delete(conversation.id);
    conversation.end();
  }
}
