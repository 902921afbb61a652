// The Direct Line WebSocket stream: /v3/directline/conversations/:id/stream?t=TOKEN[&watermark=N].
// Handled on the HTTP server's 'upgrade' event with a `ws` server in noServer mode. Each message is an
// ActivitySet { activities, watermark } of that one conversation; the client's own messages are ignored
// (Direct Line clients only send empty keep-alives). A stream closes when the token it was opened with
// expires (the client reconnects with its refreshed token), and a conversation keeps only its newest
// few streams open.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { ConversationStore } from './conversations.js';
import type { TokenService } from './tokens.js';

const STREAM_PATH = /^\/v3\/directline\/conversations\/([\w-]+)\/stream$/;

export class StreamServer {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  private readonly heartbeat: NodeJS.Timeout;
  private readonly alive = new WeakSet<WebSocket>();
  /** Open streams of each conversation, oldest first. */
  private readonly open = new Map<string, WebSocket[]>();
  private readonly onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void =>
    this.upgrade(req, socket, head);

  constructor(
    private readonly httpServer: Server,
    private readonly conversations: ConversationStore,
    private readonly tokens: TokenService,
    heartbeatMs: number,
    private readonly maxStreamsPerConversation = 4,
  ) {
    httpServer.on('upgrade', this.onUpgrade);
    // Protocol-level pings find dead connections (a closed laptop) so their listeners do not pile up.
    this.heartbeat = setInterval(() => this.ping(), heartbeatMs);
    this.heartbeat.unref();
  }

  close(): void {
    clearInterval(this.heartbeat);
    this.httpServer.off('upgrade', this.onUpgrade);
    for (const client of this.wss.clients) client.terminate();
    this.wss.close();
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://local');
    const match = STREAM_PATH.exec(url.pathname);
    if (!match) return; // not ours: another upgrade handler may take it
    const conversationId = match[1] as string;
    const token = url.searchParams.get('t') ?? bearer(req.headers.authorization);
    const grant = token ? this.tokens.verify(token) : undefined;
    if (!grant || grant.conversationId !== conversationId) return refuse(socket, 403, 'Forbidden');
    const conversation = this.conversations.get(conversationId);
    if (!conversation) return refuse(socket, 404, 'Not Found');
    const watermark = url.searchParams.get('watermark') ?? undefined;

    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.track(conversationId, ws);
      const expiry = setTimeout(() => ws.close(1000, 'token expired'), grant.expiresAt * 1000 - Date.now());
      expiry.unref();
      ws.on('close', () => clearTimeout(expiry));
      this.alive.add(ws);
      ws.on('pong', () => this.alive.add(ws));
      ws.on('message', () => {
        conversation.lastActive = Date.now();
      });
      ws.on('error', () => ws.terminate());
      const send = (data: string): void => {
        if (ws.readyState === WebSocket.OPEN) ws.send(data);
      };
      const unsubscribe = conversation.subscribe({
        activities: (set) => send(JSON.stringify(set)),
        ended: () => ws.close(1000, 'conversation ended'),
      });
      ws.on('close', unsubscribe);
      const backlog = conversation.since(watermark);
      if (backlog.activities.length > 0) send(JSON.stringify(backlog));
    });
  }

  /** Remembers a new stream; the conversation's oldest streams close beyond the cap. */
  private track(conversationId: string, ws: WebSocket): void {
    const streams = this.open.get(conversationId) ?? [];
    streams.push(ws);
    this.open.set(conversationId, streams);
    while (streams.length > this.maxStreamsPerConversation) streams.shift()?.terminate();
    ws.on('close', () => {
      const index = streams.indexOf(ws);
      if (index >= 0) streams.splice(index, 1);
      if (streams.length === 0 && this.open.get(conversationId) === streams) this.open.delete(conversationId);
    });
  }

  private ping(): void {
    for (const ws of this.wss.clients) {
      if (!this.alive.has(ws)) {
        ws.terminate();
        continue;
      }
      this.alive.delete(ws);
      ws.ping();
    }
  }
}

function bearer(header: string | undefined): string | undefined {
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header.trim()) : null;
  return match?.[1];
}

function refuse(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
