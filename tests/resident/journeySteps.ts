// Shared by the resident journey tests.
import assert from 'node:assert/strict';
import { allText } from '../support/botHarness.js';
import type { Chat, Step } from '../support/chat.js';

export { Chat, startJoinedChat, type Step } from '../support/chat.js';

/** A message that must reach the emergency routes first, whatever journey is under way. */
export const CRISIS_MESSAGE = 'I want to kill myself';

/** The safeguarding reply's button that takes the person back to the journey (knowledge/safeguarding.yaml). */
export const RESUME = 'Back to where I was';

/**
 * Plays `done`, sends a crisis message, and checks that the first reply carries 999; then the
 * person goes back to where they were, the waiting question is asked again, and `rest` plays on.
 */
export async function crisisThenResume(
  chat: Chat,
  done: readonly Step[],
  rest: readonly Step[],
): Promise<void> {
  await chat.play(done);
  const first = allText((await chat.type(CRISIS_MESSAGE)).slice(0, 1));
  assert.match(first, /\b999\b/, 'the first reply carries 999');
  assert.doesNotMatch(first, /not sure which one you mean/, 'the crisis message is not taken as an answer');
  const waiting = done[done.length - 1];
  const resumed = allText(await chat.tap(RESUME));
  assert.match(resumed, waiting.asks ?? waiting.expect, 'the waiting question comes back');
  await chat.play(rest);
}

export const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
