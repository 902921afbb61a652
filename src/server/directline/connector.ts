// The Bot Connector endpoints the bot answers through (its serviceUrl points here in local mode):
//   POST   /v3/conversations/:conversationId/activities               send to conversation
//   POST   /v3/conversations/:conversationId/activities/:activityId   reply to an activity
//   PUT    /v3/conversations/:conversationId/activities/:activityId   update an activity
//   DELETE /v3/conversations/:conversationId/activities/:activityId   delete an activity
//   GET    /v3/conversations/:conversationId/members                  the bot and the user
// Only the bot may use them: each request must carry the secret the local Direct Line made for this
// process (Authorization: Bearer), which the bot's connector client sends (bot/localConnectorCredentials).
// A conversation id is not enough: clients know their own.
import type { Request, Response, Server } from 'restify';
import { sameSecret } from '../../staff/staffAuth.js';
import type { ConversationStore, NewActivity } from './conversations.js';
import { bearerToken, bodyOf, handler, jsonBodyParser, sendError, sendJson } from './http.js';
import { botActivitySchema, describeIssue } from './schemas.js';

const PREFIX = '/v3/conversations/:conversationId';
const BOT_BODY_LIMIT = 1024 * 1024;

interface BotAccount {
  id: string;
  name: string;
  role: string;
}

export function registerConnectorRoutes(
  server: Server,
  conversations: ConversationStore,
  botAccount: BotAccount,
  botSecret: string,
): void {
  // The credential is checked before the body is read: a caller without it costs no parsing.
  const onlyTheBot = (req: Request, res: Response, next: (error?: false) => void) => {
    const given = bearerToken(req);
    if (given !== undefined && sameSecret(given, botSecret)) return next();
    sendError(
      res,
      401,
      'Unauthorized',
      "These addresses are for the bot only: the bot's credential is required.",
    );
    next(false);
  };
  const jsonBody = [onlyTheBot, ...jsonBodyParser(BOT_BODY_LIMIT)];

  const conversationOf = (req: Request, res: Response) => {
    const conversation = conversations.get(String(req.params.conversationId));
    if (!conversation) sendError(res, 404, 'NotFound', 'No such conversation (it may have expired).');
    return conversation;
  };

  /** The bot's activity as clients will see it: stamped with this conversation and a server time. */
  const parseBotActivity = (req: Request, res: Response, conversationId: string) => {
    const parsed = botActivitySchema.safeParse(bodyOf(req));
    if (!parsed.success) {
      sendError(res, 400, 'BadArgument', describeIssue(parsed.error));
      return undefined;
    }
    const { id: _ignored, serviceUrl: _serviceUrl, ...activity } = parsed.data;
    const stamped: NewActivity = {
      ...activity,
      type: parsed.data.type,
      timestamp: new Date().toISOString(),
      channelId: 'directline',
      conversation: { id: conversationId },
      from: { ...botAccount, ...(parsed.data.from ?? {}), role: 'bot' },
    };
    return stamped;
  };

  const post = handler((req, res) => {
    const conversation = conversationOf(req, res);
    if (!conversation) return;
    const activity = parseBotActivity(req, res, conversation.id);
    if (!activity) return;
    const replyToId = req.params.activityId as string | undefined;
    const stored = conversation.append(replyToId ? { ...activity, replyToId } : activity);
    sendJson(res, 200, { id: stored.id });
  });
  server.post(`${PREFIX}/activities`, jsonBody, post);
  server.post(`${PREFIX}/activities/:activityId`, jsonBody, post);

  server.put(
    `${PREFIX}/activities/:activityId`,
    jsonBody,
    handler((req, res) => {
      const conversation = conversationOf(req, res);
      if (!conversation) return;
      const activity = parseBotActivity(req, res, conversation.id);
      if (!activity) return;
      const updated = conversation.replace(String(req.params.activityId), activity);
      if (!updated) return sendError(res, 404, 'NotFound', 'No such activity in this conversation.');
      sendJson(res, 200, { id: updated.id });
    }),
  );

  server.del(
    `${PREFIX}/activities/:activityId`,
    onlyTheBot,
    handler((req, res) => {
      const conversation = conversationOf(req, res);
      if (!conversation) return;
      if (!conversation.remove(String(req.params.activityId))) {
        return sendError(res, 404, 'NotFound', 'No such activity in this conversation.');
      }
      sendJson(res, 200, {});
    }),
  );

  const members = handler((req, res) => {
    const conversation = conversationOf(req, res);
    if (!conversation) return;
    sendJson(res, 200, [
      { id: botAccount.id, name: botAccount.name },
      { id: conversation.userId, role: 'user' },
    ]);
  });
  server.get(`${PREFIX}/members`, onlyTheBot, members);
  server.get(`${PREFIX}/activities/:activityId/members`, onlyTheBot, members);
}
