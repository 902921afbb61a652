// Runs the whole bot (the same middleware and dialogs as production, real content, a temporary
// lowdb store) on the Bot Framework TestAdapter, one turn at a time.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ActivityTypes, TestAdapter, type Activity, type Attachment } from 'botbuilder';
import { createBotParts, createRecogniser } from '../../src/app.js';
import type { BotServices } from '../../src/bot/services.js';
import type { SaferKingstonBot } from '../../src/bot/saferKingstonBot.js';
import { configSchema } from '../../src/config.js';
import { loadContent } from '../../src/content/content.js';
import { Insights } from '../../src/insights/insights.js';
import { silentLogger } from '../../src/logger.js';
import { createLowdbStore } from '../../src/store/lowdbStore.js';

export interface TestBot {
  services: BotServices;
  bot: SaferKingstonBot;
  adapter: TestAdapter;
  dataDir: string;
  /** Sends one activity (or text) and returns every activity the bot sent during that turn. */
  say(input: string | Partial<Activity>): Promise<Partial<Activity>[]>;
  /** Starts the conversation as a channel does, so the welcome is sent. */
  join(): Promise<Partial<Activity>[]>;
  close(): Promise<void>;
}

export interface TestBotOptions {
  services?: Partial<BotServices>;
  channelId?: string;
  userId?: string;
  /** Reuse a data folder, e.g. to check that a journey resumes for the same user later. */
  dataDir?: string;
}

export async function startTestBot(options: TestBotOptions = {}): Promise<TestBot> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'skbot-test-')));
  const store = await createLowdbStore(dataDir);
  const now = options.services?.now ?? (() => new Date());
  const services: BotServices = {
    config: configSchema.parse({ DATA_DIR: dataDir }),
    content: await loadContent(),
    store,
    recogniser: createRecogniser(),
    logger: silentLogger,
    insights: new Insights(store.records, now, silentLogger),
    now,
    ...options.services,
  };
  const { bot, middleware } = createBotParts(services);
  const adapter = new TestAdapter((context) => bot.run(context), {
    channelId: options.channelId ?? 'test',
    from: { id: options.userId ?? 'user-1', name: 'Test user' },
    recipient: { id: 'bot', name: 'Safer Kingston' },
    conversation: { id: 'conversation-1', isGroup: false, conversationType: 'personal', name: '' },
  });
  // A failing turn should fail the test, not be hidden behind the apology message.
  adapter.onTurnError = async (_context, error) => {
    throw error;
  };
  for (const m of middleware) adapter.use(m);

  const drain = () => adapter.activeQueue.splice(0, adapter.activeQueue.length);
  const say = async (input: string | Partial<Activity>) => {
    drain();
    const activity: Partial<Activity> =
      typeof input === 'string'
        ? { type: ActivityTypes.Message, text: input }
        : { type: ActivityTypes.Message, ...input };
    await adapter.receiveActivity(activity);
    return drain().filter((a) => a.type !== ActivityTypes.Typing);
  };
  return {
    services,
    bot,
    adapter,
    dataDir,
    say,
    join: () =>
      say({
        type: ActivityTypes.ConversationUpdate,
        membersAdded: [
          { id: 'bot', name: 'Safer Kingston' },
          { id: options.userId ?? 'user-1', name: 'Test user' },
        ],
      }),
    close: async () => {
      await store.close();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Every piece of readable text in a reply: its text, suggested actions and card contents. */
export function textOf(activity: Partial<Activity>): string {
  const parts: string[] = [];
  if (activity.text) parts.push(activity.text);
  for (const action of activity.suggestedActions?.actions ?? [])
    parts.push(String(action.title ?? action.value));
  for (const attachment of activity.attachments ?? []) parts.push(...cardText(attachment));
  return parts.join('\n');
}

export function allText(activities: Partial<Activity>[]): string {
  return activities.map(textOf).join('\n');
}

function cardText(attachment: Attachment): string[] {
  const out: string[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (typeof value === 'string' && ['text', 'title', 'url', 'value', 'fallbackText'].includes(key))
          out.push(value);
        else visit(value);
      }
    }
  };
  visit(attachment.content);
  return out;
}

/** The labels of the buttons offered in a reply (suggested actions and card actions). */
export function buttonsOf(activities: Partial<Activity>[]): string[] {
  const labels: string[] = [];
  for (const a of activities) {
    for (const action of a.suggestedActions?.actions ?? []) labels.push(String(action.title));
    for (const attachment of a.attachments ?? []) {
      const visit = (node: unknown) => {
        if (Array.isArray(node)) node.forEach(visit);
        else if (node && typeof node === 'object') {
          const n = node as Record<string, unknown>;
          if (typeof n.type === 'string' && n.type.startsWith('Action.') && typeof n.title === 'string')
            labels.push(n.title);
          Object.values(n).forEach(visit);
        }
      };
      visit(attachment.content);
    }
  }
  return labels;
}
