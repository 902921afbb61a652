// Scripted walks through the resident journeys, step by step, so the same walk can be interrupted
// at every step (crisis message, cancel) and checked to carry on.
import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { allText, type TestBot } from '../support/botHarness.js';

export interface Step {
  /** What the person sends. */
  say: string;
  /** What the bot's reply must show. */
  expect: RegExp;
}

export async function play(bot: TestBot, steps: readonly Step[]): Promise<Partial<Activity>[]> {
  let replies: Partial<Activity>[] = [];
  for (const step of steps) {
    replies = await bot.say(step.say);
    assert.match(allText(replies), step.expect, `after "${step.say}"`);
  }
  return replies;
}

/** A message that must reach the emergency routes first, whatever journey is under way. */
export const CRISIS_MESSAGE = 'I want to kill myself';

export const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
