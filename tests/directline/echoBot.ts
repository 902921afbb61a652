// A tiny bot for testing the local Direct Line on its own: a welcome with a button, "help", and an echo.
// It runs on the real restify server with botbuilder's CloudAdapter (no credentials, as in local mode),
// so everything goes through the Bot Framework protocol exactly as with the real bot.
import type { AddressInfo } from 'node:net';
import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  MessageFactory,
} from 'botbuilder';
import restify from 'restify';
import { LocalConnectorCredentialsFactory } from '../../src/bot/localConnectorCredentials.js';
import {
  type LocalDirectLine,
  type LocalDirectLineOptions,
  registerLocalDirectLine,
} from '../../src/server/directline/index.js';
import { registerWebRoutes } from '../../src/server/webRoutes.js';

export const ECHO_WELCOME = 'Welcome to the test bot.';

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMembersAdded(async (context, next) => {
      for (const member of context.activity.membersAdded ?? []) {
        if (member.id !== context.activity.recipient.id) {
          await context.sendActivity(MessageFactory.suggestedActions(['Start', 'Help'], ECHO_WELCOME));
        }
      }
      await next();
    });
    this.onMessage(async (context, next) => {
      const text = (context.activity.text ?? '').trim();
      if (text.toLowerCase() === 'help') await context.sendActivity('Here is some help.');
      else await context.sendActivity(`You said: ${text}`);
      await next();
    });
  }
}

export interface RunningEchoBot {
  origin: string;
  directLine: LocalDirectLine;
  close(): Promise<void>;
}

export async function startEchoBot(
  options: Partial<Omit<LocalDirectLineOptions, 'botId'>> = {},
): Promise<RunningEchoBot> {
  const server = restify.createServer({ handleUncaughtExceptions: false } as restify.ServerOptions);
  const directLine = registerLocalDirectLine(server, { botId: 'echo-bot', botName: 'Echo', ...options });
  // The bot's replies carry the local Direct Line's secret, as the real bot's do.
  const credentials = new LocalConnectorCredentialsFactory({
    secret: directLine.botSecret,
    serviceUrl: () => directLine.serviceUrl(),
  });
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}, credentials));
  const bot = new EchoBot();
  server.post(
    '/api/messages',
    restify.plugins.jsonBodyParser(),
    async (req: restify.Request, res: restify.Response) => {
      await adapter.process(req, res, (context) => bot.run(context));
    },
  );
  registerWebRoutes(server, { directLine: { mode: 'local', directLine } });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    directLine,
    close: async () => {
      directLine.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
