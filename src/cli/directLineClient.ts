// A small Direct Line 3.0 client for the terminal: gets a token from the service's token endpoint (so
// it works with the local Direct Line and with Azure's alike), starts a conversation, and receives
// activities over the WebSocket stream, falling back to polling if the stream cannot open.
import { WebSocket } from 'ws';

export interface ChatActivity {
  id?: string;
  type: string;
  text?: string;
  from?: { id?: string; role?: string; name?: string };
  value?: unknown;
  attachments?: { contentType: string; content?: unknown }[];
  suggestedActions?: { actions?: CardAction[] };
  [key: string]: unknown;
}

export interface CardAction {
  type: string;
  title?: string;
  value?: unknown;
  text?: string;
  displayText?: string;
}

interface TokenBody {
  token: string;
  domain?: string;
}

interface ConversationBody {
  conversationId: string;
  token: string;
  streamUrl?: string;
}

export class DirectLineChatClient {
  private conversation?: ConversationBody;
  private domain = '';
  private watermark = '';
  private socket?: WebSocket;
  private pollTimer?: NodeJS.Timeout;
  private closed = false;
  userId = 'cli-user';

  constructor(
    private readonly serviceUrl: string,
    private readonly onActivity: (activity: ChatActivity) => void,
    private readonly pollingIntervalMs = 500,
  ) {}

  /** Starts a conversation; resolves once activities can flow (stream open, or polling started). */
  async start(options: { webSocket?: boolean } = {}): Promise<void> {
    const tokenResponse = await fetch(new URL('/api/directline/token', this.serviceUrl), { method: 'POST' });
    if (!tokenResponse.ok) throw new Error(`the token endpoint answered ${tokenResponse.status}`);
    const { token, domain } = (await tokenResponse.json()) as TokenBody;
    this.domain = (domain ?? new URL('/v3/directline', this.serviceUrl).toString()).replace(/\/+$/, '');
    this.userId = userOfToken(token) ?? this.userId;
    const started = await fetch(`${this.domain}/conversations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ user: { id: this.userId }, locale: 'en-GB' }),
    });
    if (!started.ok) throw new Error(`starting the conversation failed: ${started.status}`);
    this.conversation = (await started.json()) as ConversationBody;
    if (options.webSocket !== false && this.conversation.streamUrl) {
      try {
        await this.openStream(this.conversation.streamUrl);
        return;
      } catch {
        // fall back to polling below
      }
    }
    this.poll();
  }

  get conversationId(): string | undefined {
    return this.conversation?.conversationId;
  }

  async send(activity: Omit<ChatActivity, 'from'>): Promise<string> {
    const conversation = this.requireConversation();
    const response = await fetch(`${this.domain}/conversations/${conversation.conversationId}/activities`, {
      method: 'POST',
      headers: { authorization: `Bearer ${conversation.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...activity, from: { id: this.userId }, locale: 'en-GB' }),
    });
    if (!response.ok) throw new Error(`sending failed: ${response.status}`);
    return ((await response.json()) as { id: string }).id;
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.pollTimer);
    this.socket?.close();
  }

  private requireConversation(): ConversationBody {
    if (!this.conversation) throw new Error('the conversation has not started');
    return this.conversation;
  }

  private openStream(streamUrl: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(streamUrl);
      this.socket = socket;
      socket.once('open', () => resolve());
      socket.once('error', reject);
      socket.on('message', (data) => {
        const text = String(data);
        if (text) this.receive(JSON.parse(text) as { activities?: ChatActivity[]; watermark?: string });
      });
      socket.on('close', () => {
        // The service went away or ended the conversation: carry on by polling (it says if it is gone).
        if (!this.closed) this.poll();
      });
    });
  }

  private poll(): void {
    if (this.closed) return;
    const conversation = this.requireConversation();
    const url = `${this.domain}/conversations/${conversation.conversationId}/activities?watermark=${this.watermark}`;
    fetch(url, { headers: { authorization: `Bearer ${conversation.token}` } })
      .then(async (response) => {
        if (response.ok)
          this.receive((await response.json()) as { activities?: ChatActivity[]; watermark?: string });
      })
      .catch(() => undefined)
      .finally(() => {
        if (!this.closed) this.pollTimer = setTimeout(() => this.poll(), this.pollingIntervalMs);
      });
  }

  private receive(set: { activities?: ChatActivity[]; watermark?: string }): void {
    if (set.watermark) this.watermark = set.watermark;
    for (const activity of set.activities ?? []) this.onActivity(activity);
  }
}

/** The user id bound into a Direct Line token (its `user` claim), if it has one. */
export function userOfToken(token: string): string | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { user?: unknown };
    return typeof claims.user === 'string' ? claims.user : undefined;
  } catch {
    return undefined;
  }
}
