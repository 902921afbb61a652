// A local Direct Line 3.0 service inside the bot's own HTTP server: the embedded default channel for the
// web chat page and the terminal client when no Azure Direct Line secret is configured.
//
// Clients speak Direct Line 3.0 (tokens, conversations, activities, WebSocket stream or polling). The
// bot is reached the way every channel reaches it: each activity is POSTed to its messaging endpoint
// with channelId "directline" and a serviceUrl pointing here, and the bot answers through the connector
// endpoints in connector.ts. Conversations live in memory only, capped and expiring.
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Request, Server } from 'restify';
import type { RateLimits } from '../rateLimits.js';
import { isLoopbackServiceUrl } from '../serviceUrls.js';
import { BotClient } from './botClient.js';
import { newUserId, registerClientRoutes } from './clientRoutes.js';
import { registerConnectorRoutes } from './connector.js';
import { ConversationStore } from './conversations.js';
import { StreamServer } from './stream.js';
import { type IssuedToken, TokenService, randomId } from './tokens.js';

export interface LocalDirectLineOptions {
  /** The bot's messaging endpoint. Default: this server's own /api/messages. */
  botEndpoint?: string | (() => string);
  /**
   * Origin clients use to reach this server (for streamUrl). Default: a request's Host when it names
   * this machine (localhost, 127.x, [::1]), otherwise this server's own address: never a Host that a
   * caller made up.
   */
  publicOrigin?: string;
  /** The secret the bot must send on the connector routes. Default: a new random one. */
  botSecret?: string;
  /** Per-client limits on tokens and messages. Default: none. */
  limits?: RateLimits;
  maxConversationsPerClient?: number;
  maxActivityBytes?: number;
  maxConversationBytes?: number;
  maxTotalBytes?: number;
  maxStreamsPerConversation?: number;
  /** Origin the bot calls back on (the activities' serviceUrl). Default: this server's own address. */
  serviceUrl?: string | (() => string);
  /** The bot's id and name as members of each conversation. */
  botId: string;
  botName?: string;
  /** If set, tokens/generate and conversations also accept this secret (as Azure's Direct Line does). */
  secret?: string;
  tokenTtlSeconds?: number;
  maxActivitiesPerConversation?: number;
  maxConversations?: number;
  conversationIdleMs?: number;
  botTimeoutMs?: number;
}

export interface LocalDirectLine {
  /** A token for a new conversation (not started until a client opens it), as tokens/generate gives. */
  issueToken(userId?: string): IssuedToken;
  /** Number of live conversations (for health and tests). */
  readonly conversationCount: number;
  /** Bytes of activities kept in memory (for tests and benchmarks). */
  readonly keptBytes: number;
  /** The secret the bot sends on the connector routes (bot/localConnectorCredentials.ts). */
  readonly botSecret: string;
  /** The address the bot answers on (the activities' serviceUrl). */
  serviceUrl(): string;
  /** The origin to give a client for this request (Direct Line domain and streamUrl). */
  publicOrigin(req: Request): string;
  close(): void;
}

export function registerLocalDirectLine(server: Server, options: LocalDirectLineOptions): LocalDirectLine {
  const tokens = new TokenService(options.tokenTtlSeconds ?? 1800);
  const conversations = new ConversationStore({
    maxActivitiesPerConversation: options.maxActivitiesPerConversation ?? 500,
    maxConversations: options.maxConversations ?? 5000,
    idleMs: options.conversationIdleMs ?? 60 * 60 * 1000,
    sweepIntervalMs: 60 * 1000,
    ...(options.maxConversationsPerClient
      ? { maxConversationsPerClient: options.maxConversationsPerClient }
      : {}),
    ...(options.maxConversationBytes ? { maxConversationBytes: options.maxConversationBytes } : {}),
    ...(options.maxTotalBytes ? { maxTotalBytes: options.maxTotalBytes } : {}),
  });
  const ownOrigin = () => ownOriginOf(server.server);
  const serviceUrl = resolver(options.serviceUrl, ownOrigin);
  const botSecret = options.botSecret ?? randomId(32);
  const bot = new BotClient(
    resolver(options.botEndpoint, () => `${serviceUrl()}/api/messages`),
    options.botTimeoutMs ?? 15000,
    botSecret,
  );
  const botAccount = { id: options.botId, name: options.botName ?? options.botId, role: 'bot' };
  const stream = new StreamServer(
    server.server,
    conversations,
    tokens,
    30000,
    options.maxStreamsPerConversation ?? 4,
  );
  const publicOrigin = (req: Request): string => {
    if (options.publicOrigin) return options.publicOrigin;
    const asked = `${req.isSecure() ? 'https' : 'http'}://${req.headers.host ?? ''}`;
    return isLoopbackServiceUrl(asked) ? new URL(asked).origin : ownOrigin();
  };
  registerClientRoutes(server, {
    tokens,
    conversations,
    bot,
    botAccount,
    serviceUrl,
    publicOrigin,
    ...(options.secret ? { secret: options.secret } : {}),
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.maxActivityBytes ? { maxActivityBytes: options.maxActivityBytes } : {}),
  });
  registerConnectorRoutes(server, conversations, botAccount, botSecret);

  return {
    issueToken: (userId?: string) => tokens.issue(randomId(), userId ?? newUserId()),
    get conversationCount() {
      return conversations.size;
    },
    get keptBytes() {
      return conversations.bytes;
    },
    botSecret,
    serviceUrl,
    publicOrigin,
    close: () => {
      stream.close();
      conversations.close();
    },
  };
}

/** This server's own address as the bot and local clients reach it (all interfaces: loopback). */
export function ownOriginOf(httpServer: HttpServer): string {
  const address = httpServer.address() as AddressInfo | null;
  if (!address) throw new Error('local Direct Line: the server is not listening yet');
  const host = ['0.0.0.0', '::', ''].includes(address.address)
    ? '127.0.0.1'
    : address.family === 'IPv6'
      ? `[${address.address}]`
      : address.address;
  return `http://${host}:${address.port}`;
}

function resolver(value: string | (() => string) | undefined, fallback: () => string): () => string {
  if (typeof value === 'function') return value;
  if (typeof value === 'string') return () => value;
  return fallback;
}
