// POST /api/messages: the one way into the bot for every channel.
import type { Activity } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../logger.js';
import type { EdgeAdapter } from '../bot/createAdapter.js';
import type { SaferKingstonBot } from '../bot/saferKingstonBot.js';
import type { BotServices } from '../bot/services.js';
import { sameSecret } from '../staff/staffAuth.js';
import type { StaffDataSources } from '../staff/staffRoutes.js';
import { LOCAL_DELIVERY_HEADER } from './directline/botClient.js';
import { describeActivityProblems, incomingActivitySchema } from './activitySchema.js';
import { isJsonContentType } from './httpHygiene.js';
import { noRateLimits, type RateLimits } from './rateLimits.js';
import { BadRequestError, readJsonBody } from './readBody.js';
import { isLoopbackServiceUrl } from './serviceUrls.js';

const MAX_ACTIVITY_BYTES = 256 * 1024;

export interface BotRuntime {
  adapter: EdgeAdapter;
  bot: SaferKingstonBot;
  services: BotServices;
  staffSources: StaffDataSources;
}

export interface MessagesRouteOptions {
  limits?: RateLimits;
  /** Local mode (no app id): requests are not authenticated, and replies may only go to loopback. */
  local?: { secret: string };
}

export function registerMessagesRoute(
  server: Server,
  getRuntime: () => BotRuntime | undefined,
  logger: Logger,
  options: MessagesRouteOptions = {},
): void {
  const limits = options.limits ?? noRateLimits;
  const refuse = (res: Response, status: number, reason: string, error: string): undefined => {
    logger.warn('request_refused', { path: '/api/messages', status, reason });
    res.send(status, { error });
    return undefined;
  };

  server.post('/api/messages', async (req: Request, res: Response) => {
    if (!isJsonContentType(req.headers['content-type']))
      return refuse(res, 415, 'content_type', 'Send the activity as JSON (Content-Type: application/json).');
    const delivery = req.headers[LOCAL_DELIVERY_HEADER];
    const fromLocalDirectLine =
      options.local !== undefined &&
      typeof delivery === 'string' &&
      sameSecret(delivery, options.local.secret);
    const authHeader = typeof req.headers.authorization === 'string' ? req.headers.authorization : '';
    if (!fromLocalDirectLine) {
      // With an app id, only refused requests are counted: Azure's channels share a few addresses.
      const wait = options.local ? await limits.take('messages', req) : await limits.peek('messages', req);
      if (wait !== undefined) {
        res.setHeader('retry-after', String(wait));
        res.send(429, { error: 'Too many requests. Please wait a moment and try again.' });
        return;
      }
    }
    if (!options.local && !authHeader.trim()) {
      await limits.take('messages', req);
      return refuse(res, 401, 'unauthenticated', 'This address needs a Bot Framework token.');
    }
    const runtime = getRuntime();
    if (!runtime) {
      res.send(503, { error: 'The bot is still starting. Try again in a moment.' });
      return;
    }
    let activity: Activity;
    try {
      const body = await readJsonBody(req, MAX_ACTIVITY_BYTES);
      const parsed = incomingActivitySchema.safeParse(body);
      if (!parsed.success)
        throw new BadRequestError(`The activity is not valid: ${describeActivityProblems(parsed.error)}`);
      if (options.local && parsed.data.serviceUrl && !isLoopbackServiceUrl(parsed.data.serviceUrl))
        throw new BadRequestError(
          'The activity is not valid: serviceUrl must be this machine (the service runs without a bot identity)',
        );
      activity = parsed.data as unknown as Activity;
    } catch (error) {
      if (!(error instanceof BadRequestError)) throw error;
      res.send(error.status, { error: error.message });
      return;
    }
    let authenticated;
    try {
      authenticated = await runtime.adapter.authenticate(activity, authHeader);
    } catch (error) {
      await limits.take('messages', req);
      // An AuthenticationError is a token that is not good; anything else means the keys to check
      // it with could not be fetched.
      if (error instanceof AuthenticationError)
        return refuse(res, 401, 'unauthenticated', 'The Bot Framework token is not valid.');
      return refuse(res, 503, 'auth_unavailable', 'Tokens cannot be checked right now. Try again later.');
    }
    try {
      const invokeResponse = await runtime.adapter.processAuthenticated(authenticated, activity, (context) =>
        runtime.bot.run(context),
      );
      const status = invokeResponse?.status ?? 200;
      if (invokeResponse?.body === undefined) res.send(status);
      else res.send(status, invokeResponse.body);
    } catch (error) {
      logger.error('messages_route_failed', { errorType: (error as Error).name });
      if (!res.headersSent) res.send(500, { error: 'The bot could not process this activity' });
    }
  });
}
