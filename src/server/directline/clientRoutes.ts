// The Direct Line 3.0 REST routes clients use: tokens, conversations, activities (the WebSocket stream
// is in stream.ts). Every route but tokens/generate needs a token bound to its conversation. Tokens
// are limited per client (each opens at most one conversation), and so are messages.
import type { Request, Response, Server } from 'restify';
import { hasBody, isJsonContentType } from '../httpHygiene.js';
import { noRateLimits, type LimitKind, type RateLimits } from '../rateLimits.js';
import type { BotClient } from './botClient.js';
import { ConversationLimitError, type Conversation, type ConversationStore } from './conversations.js';
import { bearerToken, bodyOf, handler, jsonBodyParser, queryParam, sendError, sendJson } from './http.js';
import { clientActivitySchema, describeIssue, startBodySchema } from './schemas.js';
import { type IssuedToken, type TokenGrant, type TokenService, randomId } from './tokens.js';

export const PREFIX = '/v3/directline';
const DEFAULT_ACTIVITY_BYTES = 64 * 1024;

export interface ClientRoutesContext {
  tokens: TokenService;
  conversations: ConversationStore;
  bot: BotClient;
  botAccount: { id: string; name: string; role: string };
  /** The serviceUrl the bot answers on. */
  serviceUrl: () => string;
  /** The origin clients reach this server on (for streamUrl). */
  publicOrigin: (req: Request) => string;
  secret?: string;
  limits?: RateLimits;
  /** The largest activity a client may post (bytes of JSON). */
  maxActivityBytes?: number;
}

/** A user id for a token that did not ask for one ('dl_' marks ids the service chose). */
export function newUserId(): string {
  return `dl_${randomId(12)}`;
}

export function registerClientRoutes(server: Server, context: ClientRoutesContext): void {
  const limits = context.limits ?? noRateLimits;
  // A body must be JSON (a form post from another site is refused before it is read).
  const onlyJson = (req: Request, res: Response, next: (error?: false) => void) => {
    if (!hasBody(req) || isJsonContentType(req.headers['content-type'])) return next();
    sendError(res, 415, 'UnsupportedMediaType', 'Send the body as JSON (Content-Type: application/json).');
    next(false);
  };
  const limited = (kind: LimitKind) => (req: Request, res: Response, next: (error?: false) => void) => {
    limits.take(kind, req).then(
      (wait) => {
        if (wait === undefined) return next();
        res.setHeader('retry-after', String(wait));
        sendError(res, 429, 'TooManyRequests', 'Too many requests. Please wait a moment and try again.');
        next(false);
      },
      () => next(),
    );
  };
  const jsonBody = [onlyJson, ...jsonBodyParser(context.maxActivityBytes ?? DEFAULT_ACTIVITY_BYTES)];

  /** The grant behind the request's bearer token, or an error response (401 none, 403 bad/expired). */
  const authorise = (req: Request, res: Response, conversationId?: string): TokenGrant | undefined => {
    const token = bearerToken(req);
    if (!token) {
      sendError(res, 401, 'Unauthorized', 'A Direct Line token is required (Authorization: Bearer).');
      return undefined;
    }
    const grant = context.tokens.verify(token);
    if (!grant || (conversationId !== undefined && grant.conversationId !== conversationId)) {
      sendError(res, 403, 'Forbidden', 'The token is not valid for this conversation, or it has expired.');
      return undefined;
    }
    return grant;
  };

  /** The conversation a request names, if its token is for it; otherwise the error is sent. */
  const authorisedConversation = (req: Request, res: Response) => {
    const conversationId = String(req.params.conversationId);
    const grant = authorise(req, res, conversationId);
    if (!grant) return undefined;
    const conversation = context.conversations.get(conversationId);
    if (!conversation) {
      sendError(res, 404, 'NotFound', 'No such conversation (it may have expired).');
      return undefined;
    }
    return { grant, conversation };
  };

  const isSecret = (req: Request): boolean =>
    context.secret !== undefined && context.secret !== '' && bearerToken(req) === context.secret;

  const streamUrl = (req: Request, conversationId: string, token: string, watermark?: string): string => {
    const origin = context.publicOrigin(req);
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
      serviceUrl: context.serviceUrl(),
      conversation: { id: conversation.id },
      from: { id: conversation.userId, role: 'user' },
      recipient: context.botAccount,
      membersAdded: [
        { id: context.botAccount.id, name: context.botAccount.name },
        { id: conversation.userId, role: 'user' },
      ],
      ...(conversation.locale ? { locale: conversation.locale } : {}),
    };
    conversation
      .serialise(() => context.bot.deliver(update))
      .catch((error: Error) =>
        console.warn('local Direct Line: conversation start not delivered:', error.message),
      );
  };

  /** A user id asked for in the body is bound only for the secret's holder (as Azure's Direct Line does). */
  const userIdFor = (req: Request, asked: string | undefined): string =>
    (isSecret(req) ? asked : undefined) ?? newUserId();

  server.post(
    `${PREFIX}/tokens/generate`,
    limited('conversations'),
    ...jsonBody,
    handler((req, res) => {
      if (context.secret && !isSecret(req)) {
        return sendError(res, 403, 'Forbidden', 'The Direct Line secret is not valid.');
      }
      const body = startBodySchema.safeParse(bodyOf(req));
      if (!body.success) return sendError(res, 400, 'BadArgument', describeIssue(body.error));
      const issued = context.tokens.issue(randomId(), userIdFor(req, body.data.user?.id));
      sendJson(res, 200, {
        conversationId: issued.conversationId,
        token: issued.token,
        expires_in: issued.expiresIn,
      });
    }),
  );

  server.post(
    `${PREFIX}/tokens/refresh`,
    limited('messages'),
    onlyJson,
    handler((req, res) => {
      const grant = authorise(req, res);
      if (!grant) return;
      context.conversations.get(grant.conversationId);
      const issued = context.tokens.issue(grant.conversationId, grant.userId);
      // The refreshed token replaces the old one: a copy of the old one (a leaked log, a shared
      // screen) stops working now rather than at its expiry.
      context.tokens.revoke(bearerToken(req) as string);
      sendJson(res, 200, {
        conversationId: issued.conversationId,
        token: issued.token,
        expires_in: issued.expiresIn,
      });
    }),
  );

  server.post(
    `${PREFIX}/conversations`,
    ...jsonBody,
    handler((req, res) => {
      const body = startBodySchema.safeParse(bodyOf(req));
      if (!body.success) return sendError(res, 400, 'BadArgument', describeIssue(body.error));
      let grant: TokenGrant | undefined;
      if (isSecret(req)) {
        grant = {
          conversationId: randomId(),
          userId: userIdFor(req, body.data.user?.id),
          expiresAt: 0,
        };
      } else {
        grant = authorise(req, res);
        if (!grant) return;
      }
      const existing = context.conversations.get(grant.conversationId);
      let conversation: Conversation;
      try {
        conversation =
          existing ??
          context.conversations.create(
            grant.conversationId,
            grant.userId,
            body.data.locale,
            limits.clientOf(req),
          );
      } catch (error) {
        if (!(error instanceof ConversationLimitError)) throw error;
        return refuseNewConversation(res, error);
      }
      const issued = context.tokens.issue(conversation.id, conversation.userId);
      sendJson(res, existing ? 200 : 201, conversationBody(req, issued));
      if (!conversation.started) start(conversation);
    }),
  );

  server.get(
    `${PREFIX}/conversations/:conversationId`,
    handler((req, res) => {
      const { conversation } = authorisedConversation(req, res) ?? {};
      if (!conversation) return;
      const issued = context.tokens.issue(conversation.id, conversation.userId);
      sendJson(res, 200, conversationBody(req, issued, queryParam(req, 'watermark')));
    }),
  );

  server.get(
    `${PREFIX}/conversations/:conversationId/activities`,
    handler((req, res) => {
      const { conversation } = authorisedConversation(req, res) ?? {};
      if (!conversation) return;
      sendJson(res, 200, conversation.since(queryParam(req, 'watermark')));
    }),
  );

  server.post(
    `${PREFIX}/conversations/:conversationId/activities`,
    limited('messages'),
    ...jsonBody,
    handler(async (req, res) => {
      const found = authorisedConversation(req, res);
      if (!found) return;
      const { grant, conversation } = found;
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
        recipient: context.botAccount,
      });
      try {
        await conversation.serialise(() =>
          context.bot.deliver({ ...stored, serviceUrl: context.serviceUrl() }),
        );
      } catch (error) {
        console.warn('local Direct Line: activity not delivered to the bot:', (error as Error).message);
        return sendError(res, 502, 'BotError', 'The bot could not take the message. Please try again.');
      }
      sendJson(res, 200, { id: stored.id });
    }),
  );
}

/** 429 when this client holds too many conversations, 503 when the service has no room. */
function refuseNewConversation(res: Response, error: ConversationLimitError): void {
  res.setHeader('retry-after', error.reason === 'client' ? '300' : '60');
  if (error.reason === 'client')
    return sendError(
      res,
      429,
      'TooManyConversations',
      'Too many conversations are open from here. Close some and try later.',
    );
  sendError(res, 503, 'ServiceFull', 'The chat is very busy right now. Please try again in a minute.');
}
