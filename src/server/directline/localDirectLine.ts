// A local Direct Line 3.0 service inside the bot's own HTTP server: the embedded default channel for the
// web chat page and the terminal client when no Azure Direct Line secret is configured.
//
// Clients speak Direct Line 3.0 (tokens, conversations, activities, WebSocket stream or polling). The
// bot is reached the way every channel reaches it: each activity is POSTed to its messaging endpoint
// with channelId "directline" and a serviceUrl pointing here, and the bot answers through the connector
// endpoints in connector.ts. Conversations live in memory only, capped and expiring.
import type { AddressInfo } from 'node:net';
import type { Request, Response, Server } from 'restify';
import { BotClient } from './botClient.js';
import { registerConnectorRoutes } from './connector.js';
import { type Conversation, ConversationStore } from './conversations.js';
import { bearerToken, bodyOf, handler, jsonBodyParser, queryParam, sendError, sendJson } from './http.js';
import { clientActivitySchema, describeIssue, startBodySchema } from './schemas.js';
import { StreamServer } from './stream.js';
import { type IssuedToken, type TokenGrant, TokenService, randomId } from './tokens.js';

export interface LocalDirectLineOptions {
  /** The bot's messaging endpoint. Default: this server's own /api/messages. */
  botEndpoint?: string | (() => string);
  /** Origin clients use to reach this server (for streamUrl). Default: taken from each request's Host. */
  publicOrigin?: string;
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
  close(): void;
}

const PREFIX = '/v3/directline';
const CLIENT_BODY_LIMIT = 256 * 1024;

export function registerLocalDirectLine(server: Server, options: LocalDirectLineOptions): LocalDirectLine {
  const tokens = new TokenService(options.tokenTtlSeconds ?? 1800);
  const conversations = new ConversationStore({
    maxActivitiesPerConversation: options.maxActivitiesPerConversation ?? 500,
    maxConversations: options.maxConversations ?? 5000,
    idleMs: options.conversationIdleMs ?? 60 * 60 * 1000,
    sweepIntervalMs: 60 * 1000,
  });
  const ownOrigin = (): string => {
    const address = server.server.address() as AddressInfo | null;
    if (!address) throw new Error('local Direct Line: the server is not listening yet');
    const host = ['0.0.0.0', '::', ''].includes(address.address)
      ? '127.0.0.1'
      : address.family === 'IPv6'
        ? `[${address.address}]`
        : address.address;
    return `http://${host}:${address.port}`;
  };
  const serviceUrl = resolver(options.serviceUrl, ownOrigin);
  const bot = new BotClient(
    resolver(options.botEndpoint, () => `${serviceUrl()}/api/messages`),
    options.botTimeoutMs ?? 15000,
  );
  const botAccount = { id: options.botId, name: options.botName ?? options.botId, role: 'bot' };
  const stream = new StreamServer(server.server, conversations, tokens, 30000);
  const jsonBody = jsonBodyParser(CLIENT_BODY_LIMIT);

  const newUserId = (): string => `dl_${randomId(12)}`;

  /** The grant behind the request's bearer token, or an error response (401 none, 403 bad/expired). */
  const authorise = (req: Request, res: Response, conversationId?: string): TokenGrant | undefined => {
    const token = bearerToken(req);
    if (!token) {
      sendError(res, 401, 'Unauthorized', 'A Direct Line token is required (Authorization: Bearer).');
      return undefined;
    }
    const grant = tokens.verify(token);
    if (!grant || (conversationId !== undefined && grant.conversationId !== conversationId)) {
      sendError(res, 403, 'Forbidden', 'The token is not valid for this conversation, or it has expired.');
      return undefined;
    }
    return grant;
  };

  const isSecret = (req: Request): boolean =>
    options.secret !== undefined && options.secret !== '' && bearerToken(req) === options.secret;

  const streamUrl = (req: Request, conversationId: string, token: string, watermark?: string): string => {
    const origin = options.publicOrigin ?? `${req.isSecure() ? 'https' : 'http'}://${req.headers.host}`;
    const url = new URL(`${PREFIX}/conversations/${conversationId}/stream`, origin);
    url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    if (watermark !== undefined) url.searchParams.set('watermark', watermark);
    url.searchParams.set('t', token);
    return url.toString();
  };

  const conversationBody = (req: Request, issued: IssuedToken, watermark?: string) => ({
    conversationId: issued.conversationId,
    token: issued.token,
    expires_in: issued.expiresIn,
    streamUrl: streamUrl(req, issued.conversationId, issued.token, watermark),
  });

  /** Tells the bot the conversation started (bot and user joined), so it can say its welcome. */
  const start = (conversation: Conversation): void => {
    conversation.started = true;
    const update = {
      type: 'conversationUpdate',
      id: `${conversation.id}|start`,
      timestamp: new Date().toISOString(),
      channelId: 'directline',
      serviceUrl: serviceUrl(),
      conversation: { id: conversation.id },
      from: { id: conversation.userId, role: 'user' },
      recipient: botAccount,
      membersAdded: [
        { id: botAccount.id, name: botAccount.name },
        { id: conversation.userId, role: 'user' },
      ],
      ...(conversation.locale ? { locale: conversation.locale } : {}),
    };
    conversation
      .serialise(() => bot.deliver(update))
      .catch((error: Error) =>
        console.warn('local Direct Line: conversation start not delivered:', error.message),
      );
  };

  server.post(
    `${PREFIX}/tokens/generate`,
    jsonBody,
    handler((req, res) => {
      if (options.secret && !isSecret(req)) {
        return sendError(res, 403, 'Forbidden', 'The Direct Line secret is not valid.');
      }
      const body = startBodySchema.safeParse(bodyOf(req));
      if (!body.success) return sendError(res, 400, 'BadArgument', describeIssue(body.error));
      const issued = tokens.issue(randomId(), body.data.user?.id ?? newUserId());
      sendJson(res, 200, {
        conversationId: issued.conversationId,
        token: issued.token,
        expires_in: issued.expiresIn,
      });
    }),
  );

  server.post(
    `${PREFIX}/tokens/refresh`,
    handler((req, res) => {
      const grant = authorise(req, res);
      if (!grant) return;
      conversations.get(grant.conversationId);
      const issued = tokens.issue(grant.conversationId, grant.userId);
      sendJson(res, 200, {
        conversationId: issued.conversationId,
        token: issued.token,
        expires_in: issued.expiresIn,
      });
    }),
  );

  server.post(
    `${PREFIX}/conversations`,
    jsonBody,
    handler((req, res) => {
      const body = startBodySchema.safeParse(bodyOf(req));
      if (!body.success) return sendError(res, 400, 'BadArgument', describeIssue(body.error));
      let grant: TokenGrant | undefined;
      if (isSecret(req)) {
        grant = { conversationId: randomId(), userId: body.data.user?.id ?? newUserId(), expiresAt: 0 };
      } else {
        grant = authorise(req, res);
        if (!grant) return;
      }
      const existing = conversations.get(grant.conversationId);
      const conversation =
        existing ?? conversations.create(grant.conversationId, grant.userId, body.data.locale);
      const issued = tokens.issue(conversation.id, conversation.userId);
      sendJson(res, existing ? 200 : 201, conversationBody(req, issued));
      if (!conversation.started) start(conversation);
    }),
  );

  server.get(
    `${PREFIX}/conversations/:conversationId`,
    handler((req, res) => {
      const conversationId = String(req.params.conversationId);
      if (!authorise(req, res, conversationId)) return;
      const conversation = conversations.get(conversationId);
      if (!conversation)
        return sendError(res, 404, 'NotFound', 'No such conversation (it may have expired).');
      const issued = tokens.issue(conversation.id, conversation.userId);
      sendJson(res, 200, conversationBody(req, issued, queryParam(req, 'watermark')));
    }),
  );

  server.get(
    `${PREFIX}/conversations/:conversationId/activities`,
    handler((req, res) => {
      const conversationId = String(req.params.conversationId);
      if (!authorise(req, res, conversationId)) return;
      const conversation = conversations.get(conversationId);
      if (!conversation)
        return sendError(res, 404, 'NotFound', 'No such conversation (it may have expired).');
      sendJson(res, 200, conversation.since(queryParam(req, 'watermark')));
    }),
  );

  server.post(
    `${PREFIX}/conversations/:conversationId/activities`,
    jsonBody,
    handler(async (req, res) => {
      const conversationId = String(req.params.conversationId);
      const grant = authorise(req, res, conversationId);
      if (!grant) return;
      const conversation = conversations.get(conversationId);
      if (!conversation)
        return sendError(res, 404, 'NotFound', 'No such conversation (it may have expired).');
      const parsed = clientActivitySchema.safeParse(bodyOf(req));
      if (!parsed.success) return sendError(res, 400, 'BadArgument', describeIssue(parsed.error));
      const { from, ...fields } = parsed.data;
      // The echo clients see: who sent it comes from the token, never from the body.
      const stored = conversation.append({
        ...fields,
        timestamp: new Date().toISOString(),
        channelId: 'directline',
        conversation: { id: conversation.id },
        from: { id: grant.userId, ...(from?.name ? { name: from.name } : {}), role: 'user' },
        recipient: botAccount,
      });
      try {
        await conversation.serialise(() => bot.deliver({ ...stored, serviceUrl: serviceUrl() }));
      } catch (error) {
        console.warn('local Direct Line: activity not delivered to the bot:', (error as Error).message);
        return sendError(res, 502, 'BotError', 'The bot could not take the message. Please try again.');
      }
      sendJson(res, 200, { id: stored.id });
    }),
  );

  registerConnectorRoutes(server, conversations, botAccount);

  return {
    issueToken: (userId?: string) => tokens.issue(randomId(), userId ?? newUserId()),
    get conversationCount() {
      return conversations.size;
    },
    close: () => {
      stream.close();
      conversations.close();
    },
  };
}

function resolver(value: string | (() => string) | undefined, fallback: () => string): () => string {
  if (typeof value === 'function') return value;
  if (typeof value === 'string') return () => value;
  return fallback;
}
