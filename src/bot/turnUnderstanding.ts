// The recogniser runs once per incoming message; everything later in the turn reads its result here.
import type { TurnContext } from 'botbuilder';
import type { RecogniserResult } from '../understanding/types.js';

const UNDERSTANDING = Symbol('understanding');

export function setUnderstanding(context: TurnContext, result: RecogniserResult): void {
  context.turnState.set(UNDERSTANDING, result);
}

/** What the person's message was understood as, or undefined for non-message activities. */
export function getUnderstanding(context: TurnContext): RecogniserResult | undefined {
  return context.turnState.get(UNDERSTANDING) as RecogniserResult | undefined;
}
