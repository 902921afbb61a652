// A person chatting with the whole bot (see botHarness): they tap a button when the bot offered one
// with those words (sending what the channel would send: its text, or its value and no text), and
// type otherwise. `play` walks scripted steps, so a walk can be interrupted at any step.
import assert from 'node:assert/strict';
import type { Activity, CardAction } from 'botbuilder';
import { allText, buttonsOf, startTestBot, type TestBot } from './botHarness.js';

export interface Step {
  /** What the person taps or types. */
  say: string;
  /** What the bot's reply must show. */
  expect: RegExp;
  /** The question the reply leaves waiting, when `expect` matches more than the question itself. */
  asks?: RegExp;
}

/** What a channel sends when a button is tapped. */
function tapActivity(activities: Partial<Activity>[], label: string): Partial<Activity> | undefined {
  for (const activity of [...activities].reverse()) {
    const suggested = activity.suggestedActions?.actions.find((a: CardAction) => a.title === label);
    if (suggested) {
      if (suggested.type === 'messageBack')
        return { ...(suggested.text ? { text: suggested.text } : {}), value: suggested.value };
      return { text: String(suggested.value ?? suggested.title) };
    }
    let submit: Partial<Activity> | undefined;
    const visit = (node: unknown) => {
      if (submit || !node || typeof node !== 'object') return;
      if (Array.isArray(node)) return node.forEach(visit);
      const n = node as Record<string, unknown>;
      if (n.type === 'Action.Submit' && n.title === label) submit = { value: n.data };
      Object.values(n).forEach(visit);
    };
    (activity.attachments ?? []).forEach((a) => visit(a.content));
    if (submit) return submit;
  }
  return undefined;
}

export class Chat {
  /** What the bot sent in the last turn. */
  last: Partial<Activity>[] = [];

  constructor(readonly bot: TestBot) {}

  async join(): Promise<Partial<Activity>[]> {
    this.last = await this.bot.join();
    return this.last;
  }

  /** Sends an activity as it is (e.g. a card value). */
  async sendActivity(activity: Partial<Activity>): Promise<Partial<Activity>[]> {
    this.last = await this.bot.say(activity);
    return this.last;
  }

  /** Types the text, even when a button has the same words. */
  async type(text: string): Promise<Partial<Activity>[]> {
    this.last = await this.bot.say(text);
    return this.last;
  }

  /** Taps the button with this label; fails when the bot did not offer it. */
  async tap(label: string): Promise<Partial<Activity>[]> {
    const activity = tapActivity(this.last, label);
    assert.ok(activity, `no button "${label}" among: ${buttonsOf(this.last).join(' | ')}`);
    this.last = await this.bot.say(activity);
    return this.last;
  }

  /** Taps when a button has these words, else types them. */
  async send(words: string): Promise<Partial<Activity>[]> {
    return tapActivity(this.last, words) ? this.tap(words) : this.type(words);
  }

  async play(steps: readonly Step[]): Promise<Partial<Activity>[]> {
    for (const step of steps)
      assert.match(allText(await this.send(step.say)), step.expect, `after "${step.say}"`);
    return this.last;
  }
}

/** A whole bot with a person already welcomed by it: the start of every journey test. */
export async function startJoinedChat(): Promise<{ bot: TestBot; chat: Chat }> {
  const bot = await startTestBot();
  const chat = new Chat(bot);
  await chat.join();
  return { bot, chat };
}
