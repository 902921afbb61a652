// Walks a journey prompt by prompt, as a person pressing the first button each time would, so a
// test can interrupt every prompt of every dialog without knowing the dialogs in advance.
import type { Activity } from 'botbuilder';
import { allText, buttonsOf, type TestBot } from '../support/botHarness.js';

/** The saved dialog stack of the test conversation (empty when no dialog is waiting). */
export async function dialogStack(bot: TestBot, channelId = 'test'): Promise<unknown[]> {
  const key = `${channelId}/conversations/conversation-1/`;
  const saved = (await bot.services.store.botState.read([key]))[key] as
    { dialogState?: { dialogStack?: unknown[] } } | undefined;
  return saved?.dialogState?.dialogStack ?? [];
}

/** True while a dialog is waiting for the person. */
export async function dialogIsWaiting(bot: TestBot, channelId = 'test'): Promise<boolean> {
  return (await dialogStack(bot, channelId)).length > 0;
}

/** The first Action.Submit data in a reply's cards, if any. */
function firstSubmit(activities: Partial<Activity>[]): unknown {
  let found: unknown;
  const visit = (node: unknown) => {
    if (found !== undefined) return;
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (n.type === 'Action.Submit') {
        found = n.data ?? {};
        return;
      }
      Object.values(n).forEach(visit);
    }
  };
  for (const a of activities) for (const att of a.attachments ?? []) visit(att.content);
  return found;
}

/** Plausible typed answers to common questions, so a walk gets past validated prompts. */
const TYPED_ANSWERS: [RegExp, string][] = [
  [/email/, 'sam.walker@example.org'],
  [/phone|mobile|number to call/, '07700 900123'],
  [/postcode/, 'KT6 7QT'],
  [/name/, 'Sam Walker'],
  [/how many|number of/, '1'],
  [/ward|area|where/, 'Tolworth'],
  [/date|when/, 'tomorrow'],
];

/** Booking and volunteering references the bot has given, e.g. "HC-7KQ4M-2XD9P". */
const REFERENCE = /\b(HC|VI)-[A-Z0-9]{5}-[A-Z0-9]{5}\b/;
/** A question asking for a reference (it shows an example one, which is not to be remembered). */
const ASKS_REFERENCE = /reference\?/i;

/** What a walk remembers from earlier replies, to answer later questions as the person would. */
export interface WalkMemory {
  reference?: string;
}

/** Notes any reference given in `replies`. */
export function remember(memory: WalkMemory, replies: Partial<Activity>[]): void {
  const text = allText(replies);
  if (ASKS_REFERENCE.test(text)) return; // a question that shows an example reference
  const found = REFERENCE.exec(text);
  if (found) memory.reference = found[0];
}

/** An answer to the prompt in `replies`: the first button, the first card submit, or some text. */
export function answerFor(
  replies: Partial<Activity>[],
  step: number,
  memory: WalkMemory = {},
): string | Partial<Activity> {
  const submit = firstSubmit(replies);
  if (submit !== undefined) return { text: '', value: submit };
  const buttons = buttonsOf(replies);
  if (buttons.length > 0) return buttons[0];
  const prompt = promptText(replies).toLowerCase();
  if (memory.reference && ASKS_REFERENCE.test(prompt)) return memory.reference;
  const typed = TYPED_ANSWERS.find(([pattern]) => pattern.test(prompt));
  if (typed) return typed[1];
  const fallbacks = ['Tolworth', 'yes', '2', 'Surbiton', 'no'];
  return fallbacks[step % fallbacks.length];
}

/** The text that identifies a prompt: the last message the bot sent before waiting. */
export function promptText(replies: Partial<Activity>[]): string {
  const messages = replies.filter((a) => a.type === 'message');
  return allText(messages.slice(-1));
}
