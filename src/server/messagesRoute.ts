// POST /api/messages: the one way into the bot for every channel.
import type { CloudAdapter } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import type { Logger } from '../logger.js';
import type { SaferKingstonBot } from '../bot/saferKingstonBot.js';
import type { BotServices } from '../bot/services.js';
import type { StaffDataSources } from '../staff/staffRoutes.js';
import { describeActivityProblems, incomingActivitySchema } from './activitySchema.js';
import { BadRequestError, readJsonBody } from './readBody.js';

const MAX_ACTIVITY_BYTES = 256 * 1024;

export interface BotRuntime {
  adapter: CloudAdapter;
  bot: SaferKingstonBot;
  services: BotServices;
  staffSources: StaffDataSources;
}

export function registerMessagesRoute(
  server: Server,
  getRuntime: () => BotRuntime | undefined,
  logger: Logger,
): void {
  server.post('/api/messages', async (req: Request, res: Response) => {
    const runtime = getRuntime();
    if (!runtime) {
      res.send(503, { error: 'The bot is still starting. Try again in a moment.' });
      return;
    }
    try {
      const body = await readJsonBody(req, MAX_ACTIVITY_BYTES);
      const parsed = incomingActivitySchema.safeParse(body);
      if (!parsed.success)
        throw new BadRequestError(`The activity is not valid: ${describeActivityProblems(parsed.error)}`);
      (req as Request & { body: unknown }).body = parsed.data;
    } catch (error) {
      if (!(error instanceof BadRequestError)) throw error;
      res.send(error.status, { error: error.message });
      return;
    }
    try {
      await runtime.adapter.process(req, res, (context) => runtime.bot.run(context));
    } catch (error) {
      logger.error('messages_route_failed', { errorType: (error as Error).name });
      if (!res.headersSent) res.send(500, { error: 'The bot could not process this activity' });
    }
  });
}
