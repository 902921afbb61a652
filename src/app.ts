// The composition root: config -> server -> content -> store -> recogniser -> bot.
// The server listens first so /healthz can say "starting"; messages are accepted once ready.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ConversationState, UserState, type Middleware } from 'botbuilder';
import type { Server } from 'restify';
import { activeJourney } from './bot/activeJourney.js';
import { createAdapter } from './bot/createAdapter.js';
import type { LocalConnector } from './bot/localConnectorCredentials.js';
import { clarifyLabels } from './bot/didYouMean.js';
import { resumeJourney } from './bot/resumeJourney.js';
import { SafeguardingMiddleware } from './bot/safeguardingMiddleware.js';
import { SaferKingstonBot } from './bot/saferKingstonBot.js';
import { SharedDialogMemoryMiddleware } from './bot/sharedDialogMemory.js';
import type { BotServices } from './bot/services.js';
import { TeamsChoicesMiddleware } from './bot/teamsChoices.js';
import { TeamsMentionMiddleware } from './bot/teamsMentions.js';
import { UnderstandingMiddleware } from './bot/understandingMiddleware.js';
import { UnderstandingTraceMiddleware } from './bot/understandingTrace.js';
import type { Config } from './config.js';
import { loadContent } from './content/content.js';
import { Insights } from './insights/insights.js';
import { silentLogger, type Logger } from './logger.js';
import { knowledgeDir } from './paths.js';
import type { BotRuntime } from './server/messagesRoute.js';
import { createServer } from './server/createServer.js';
import { HandoffCrisisFlagMiddleware } from './handoff/crisisFlagMiddleware.js';
import { createHandoff, scheduleHandoffTimeouts } from './handoff/createHandoff.js';
import { ownOriginOf } from './server/directline/localDirectLine.js';
import { loadFreeTextMasker } from './privacy/maskFreeText.js';
import { bookingEmailerFor } from './signups/bookingEmails.js';
import { PromotionNotifier } from './signups/promotionNotifier.js';
import { scheduleSignupPurge } from './signups/retention.js';
import { createStaffSources } from './staff/staffSources.js';
import { createLowdbStore } from './store/lowdbStore.js';
import type { Store } from './store/store.js';
import { loadRecogniser } from './understanding/loadRecogniser.js';
import type { Recogniser } from './understanding/types.js';

export interface AppOptions {
  logger?: Logger;
  knowledgeDir?: string;
  now?: () => Date;
}

export interface App {
  server: Server;
  /** Base address, e.g. http://127.0.0.1:3978 */
  url: string;
  services: BotServices;
  runtime: BotRuntime;
  /** Stops accepting requests, lets requests under way finish, then waits for every write. */
  close(): Promise<void>;
}

export async function createStore(config: Config): Promise<Store> {
  if (config.STORAGE === 'blob') {
    if (!config.AZURE_STORAGE_CONNECTION_STRING)
      throw new Error('STORAGE=blob needs AZURE_STORAGE_CONNECTION_STRING');
    // Loaded only when chosen: the Azure Storage SDK adds about 100 ms and 7 MB to every start.
    const { createBlobStore } = await import('./store/blobStore.js');
    return createBlobStore({
      connectionString: config.AZURE_STORAGE_CONNECTION_STRING,
      containerName: config.AZURE_STORAGE_CONTAINER,
    });
  }
  return createLowdbStore(path.resolve(config.DATA_DIR));
}

/** Recognisers already built in this process, by knowledge folder (tests start many bots). */
const recognisers = new Map<string, Promise<Recogniser>>();

/** The trained recogniser, read from the cache in DATA_DIR when the content has not changed. */
export function createRecogniser(
  options: { knowledgeDir?: string; dataDir?: string } = {},
): Promise<Recogniser> {
  const dir = options.knowledgeDir ?? knowledgeDir;
  const cacheFile = options.dataDir
    ? path.join(path.resolve(options.dataDir), 'cache', 'understanding-model.json')
    : undefined;
  let recogniser = recognisers.get(dir);
  if (!recogniser) {
    recogniser = loadRecogniser({ knowledgeDir: dir, cacheFile }).then((loaded) => loaded.recogniser);
    recognisers.set(dir, recogniser);
    recogniser.catch(() => recognisers.delete(dir));
  }
  return recogniser;
}

export interface BotParts {
  bot: SaferKingstonBot;
  conversationState: ConversationState;
  /** Turn middleware in the order it runs, before any dialog. */
  middleware: Middleware[];
}

/** The bot and its middleware, independent of the adapter (tests use the same parts). */
export function createBotParts(services: BotServices): BotParts {
  const conversationState = new ConversationState(services.store.botState);
  const userState = new UserState(services.store.botState);
  const bot = new SaferKingstonBot(services, conversationState, userState);
  return {
    bot,
    conversationState,
    middleware: [
      new SharedDialogMemoryMiddleware(),
      // Team channels prefix messages with an @mention of the bot: remove it before anything reads the text.
      new TeamsMentionMiddleware(),
      // Teams shows a pressed card button as the person's message; its value reaches the dialogs as before.
      new TeamsChoicesMiddleware(),
      new UnderstandingMiddleware(services.recogniser, services.content.conversation, {
        labels: clarifyLabels(services.content),
        journeyOf: (context) => activeJourney(context, bot.dialogState),
      }),
      new UnderstandingTraceMiddleware(),
      // Looks after the safeguarding check: a crisis during a hand-off is flagged to the desk.
      new HandoffCrisisFlagMiddleware(
        async (context) => (await bot.handoff.memory.get(context, {})).requestId,
        (requestId) => services.handoff.flagCrisis(requestId),
      ),
      new SafeguardingMiddleware(services, conversationState, (context, intro) =>
        resumeJourney(context, bot, intro),
      ),
    ],
  };
}

/** `localConnector`: in local mode, how the bot's replies reach the local Direct Line with its secret. */
export function buildRuntime(services: BotServices, localConnector?: LocalConnector): BotRuntime {
  const { bot, conversationState, middleware } = createBotParts(services);
  const errorText = services.content.conversation.error;
  const adapter = createAdapter(
    services.config,
    services.logger,
    conversationState,
    errorText,
    middleware,
    localConnector,
  );
  services.notifier.attach(adapter);
  services.handoff.messenger.attach(adapter);
  return { adapter, bot, services, staffSources: createStaffSources(services) };
}

export async function startApp(config: Config, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? silentLogger;
  let runtime: BotRuntime | undefined;
  const localSecret = randomBytes(32).toString('base64url');
  const server = createServer(config, logger, () => runtime, { localSecret });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.PORT, config.HOST, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? '127.0.0.1' : config.HOST;
  const url = `http://${host}:${port}`;

  let store: Store | undefined;
  try {
    const content = await loadContent(options.knowledgeDir ?? knowledgeDir);
    store = await createStore(config);
    const now = options.now ?? (() => new Date());
    const insights = new Insights(
      store.records,
      now,
      logger,
      undefined,
      await loadFreeTextMasker(options.knowledgeDir ?? knowledgeDir),
      config.INSIGHTS_FLUSH_MS,
    );
    const services: BotServices = {
      config,
      content,
      store,
      recogniser: await createRecogniser({
        knowledgeDir: options.knowledgeDir ?? knowledgeDir,
        dataDir: config.DATA_DIR,
      }),
      logger,
      insights,
      notifier: new PromotionNotifier({
        botAppId: config.MicrosoftAppId ?? '',
        messages: content.signupMessages,
        logger,
      }),
      handoff: createHandoff({ config, content, store, insights, logger, now }),
      bookingEmails: bookingEmailerFor(config, logger),
      now,
    };
    runtime = buildRuntime(services, { secret: localSecret, serviceUrl: () => ownOriginOf(server.server) });
    const stopHandoffTimeouts = scheduleHandoffTimeouts(services.handoff, logger);
    const stopSignupPurge = scheduleSignupPurge(store, content, now, logger, config.RETENTION_DAYS);
    const ready = runtime;
    const openStore = store;
    return {
      server,
      url,
      services,
      runtime: ready,
      close: async () => {
        stopSignupPurge();
        stopHandoffTimeouts();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await services.notifier.idle();
        await services.bookingEmails?.idle();
        await insights.flush();
        await openStore.close();
      },
    };
  } catch (error) {
    server.close();
    await store?.close();
    throw error;
  }
}
