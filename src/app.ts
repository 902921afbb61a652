// The composition root: config -> server -> content -> store -> recogniser -> bot.
// The server listens first so /healthz can say "starting"; messages are accepted once ready.
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ConversationState, UserState, type Middleware } from 'botbuilder';
import type { Server } from 'restify';
import { activeJourney } from './bot/activeJourney.js';
import { createAdapter } from './bot/createAdapter.js';
import { clarifyLabels } from './bot/didYouMean.js';
import { resumeJourney } from './bot/resumeJourney.js';
import { SafeguardingMiddleware } from './bot/safeguardingMiddleware.js';
import { SaferKingstonBot } from './bot/saferKingstonBot.js';
import { SharedDialogMemoryMiddleware } from './bot/sharedDialogMemory.js';
import type { BotServices } from './bot/services.js';
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
      new UnderstandingMiddleware(services.recogniser, services.content.conversation, {
        labels: clarifyLabels(services.content),
        journeyOf: (context) => activeJourney(context, bot.dialogState),
      }),
      new UnderstandingTraceMiddleware(),
      new SafeguardingMiddleware(services, conversationState, (context, intro) =>
        resumeJourney(context, bot, intro),
      ),
    ],
  };
}

export function buildRuntime(services: BotServices): BotRuntime {
  const { bot, conversationState, middleware } = createBotParts(services);
  const errorText = services.content.conversation.error;
  const adapter = createAdapter(services.config, services.logger, conversationState, errorText, middleware);
  services.notifier.attach(adapter);
  return { adapter, bot, services, staffSources: createStaffSources(services) };
}

export async function startApp(config: Config, options: AppOptions = {}): Promise<App> {
  const logger = options.logger ?? silentLogger;
  let runtime: BotRuntime | undefined;
  const server = createServer(config, logger, () => runtime);
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
    const services: BotServices = {
      config,
      content,
      store,
      recogniser: await createRecogniser({
        knowledgeDir: options.knowledgeDir ?? knowledgeDir,
        dataDir: config.DATA_DIR,
      }),
      logger,
      insights: new Insights(store.records, now, logger),
      notifier: new PromotionNotifier({
        botAppId: config.MicrosoftAppId ?? '',
        messages: content.signupMessages,
        logger,
      }),
      bookingEmails: bookingEmailerFor(config, logger),
      now,
    };
    runtime = buildRuntime(services);
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
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await services.notifier.idle();
        await services.bookingEmails?.idle();
        await openStore.close();
      },
    };
  } catch (error) {
    server.close();
    await store?.close();
    throw error;
  }
}
