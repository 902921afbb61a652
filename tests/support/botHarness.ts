// Runs the whole bot (the same middleware and dialogs as production, real content, a temporary
// lowdb store) on the Bot Framework TestAdapter, one turn at a time.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  ActivityTypes,
  TestAdapter,
  TurnContext,
  type Activity,
  type Attachment,
  type ConversationReference,
} from 'botbuilder';
import { createBotParts, createRecogniser } from '../../src/app.js';
import type { BotServices } from '../../src/bot/services.js';
import type { SaferKingstonBot } from '../../src/bot/saferKingstonBot.js';
import { configSchema } from '../../src/config.js';
import { loadContent } from '../../src/content/content.js';
import { Insights } from '../../src/insights/insights.js';
import { silentLogger } from '../../src/logger.js';
import { PromotionNotifier, type ProactiveAdapter } from '../../src/signups/promotionNotifier.js';
import { createHandoff } from '../../src/handoff/createHandoff.js';
import { createLowdbStore } from '../../src/store/lowdbStore.js';

export interface TestBot {
  services: BotServices;
  bot: SaferKingstonBot;
  adapter: TestAdapter;
  dataDir: string;
  /**
   * Sends one activity (or text) and returns every activity the bot sent into that conversation
   * during the turn. `as` sends it from another person in their own conversation.
   */
  say(input: string | Partial<Activity>, as?: Speaker): Promise<Partial<Activity>[]>;
  /** Activities the bot sent into other conversations (proactive messages), oldest first. */
  elsewhere: Partial<Activity>[];
  /** Starts the conversation as a channel does, so the welcome is sent. */
  join(): Promise<Partial<Activity>[]>;
  close(): Promise<void>;
}

/** Another person, in their own conversation with the bot. */
export interface Speaker {
  userId: string;
  conversationId: string;
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
  const content = options.services?.content ?? (await loadContent());
  const config = options.services?.config ?? configSchema.parse({ DATA_DIR: dataDir });
  const insights = options.services?.insights ?? new Insights(store.records, now, silentLogger);
  const services: BotServices = {
    config,
    content,
    store,
    recogniser: await createRecogniser(),
    logger: silentLogger,
    insights,
    notifier: new PromotionNotifier({ botAppId: '', messages: content.signupMessages, logger: silentLogger }),
    handoff: createHandoff({ config, content, store, insights, logger: silentLogger, now }),
    now,
    ...options.services,
  };
  const { bot, middleware } = createBotParts(services);
  const template: Partial<Activity> = {
    channelId: options.channelId ?? 'test',
    from: { id: options.userId ?? 'user-1', name: 'Test user' },
    recipient: { id: 'bot', name: 'Safer Kingston' },
    conversation: { id: 'conversation-1', isGroup: false, conversationType: 'personal', name: '' },
  };
  const base = { ...template };
  const adapter = new TestAdapter((context) => bot.run(context), template);
  // The TestAdapter cannot continue a conversation: this does what CloudAdapter does (a turn with a
  // continuation event and the reference's addresses), so proactive messages land in its queue.
  const proactive: ProactiveAdapter = {
    async continueConversationAsync(_botAppId, reference, logic) {
      const event = TurnContext.applyConversationReference(
        { type: ActivityTypes.Event, name: 'ContinuationEvent' },
        reference as ConversationReference,
        true,
      );
      await logic(new TurnContext(adapter, event));
    },
  };
  services.notifier.attach(proactive);
  services.handoff.messenger.attach(proactive);
  // A failing turn should fail the test, not be hidden behind the apology message.
  adapter.onTurnError = async (_context, error) => {
    throw error;
  };
  for (const m of middleware) adapter.use(m);

  const elsewhere: Partial<Activity>[] = [];
  const drain = () => adapter.activeQueue.splice(0, adapter.activeQueue.length);
  const say = async (input: string | Partial<Activity>, as?: Speaker) => {
    elsewhere.push(...drain());
    // The TestAdapter writes its template over every incoming activity, so another speaker is a
    // different template for that one turn.
    const conversation = as ? { ...template.conversation!, id: as.conversationId } : template.conversation!;
    if (as) Object.assign(adapter.template, { from: { id: as.userId, name: 'Test user' }, conversation });
    const activity: Partial<Activity> =
      typeof input === 'string'
        ? { type: ActivityTypes.Message, text: input }
        : { type: ActivityTypes.Message, ...input };
    try {
      await adapter.receiveActivity(activity);
      await services.notifier.idle();
    } finally {
      Object.assign(adapter.template, base);
    }
    const sent = drain().filter((a) => a.type !== ActivityTypes.Typing);
    elsewhere.push(...sent.filter((a) => a.conversation && a.conversation.id !== conversation.id));
    return sent.filter((a) => !a.conversation || a.conversation.id === conversation.id);
  };
  return {
    services,
    bot,
    adapter,
    dataDir,
    say,
    elsewhere,
    join: () =>
      say({
        type: ActivityTypes.ConversationUpdate,
        membersAdded: [
          { id: 'bot', name: 'Safer Kingston' },
          { id: options.userId ?? 'user-1', name: 'Test user' },
        ],
      }),
    close: async () => {
      await services.notifier.idle();
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
