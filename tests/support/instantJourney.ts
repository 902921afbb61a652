// A stand-in journey that answers at once and ends completed, so tests reach what follows a
// journey (the "Did this help?" feedback) in one message.
import { journeyFactories } from '../../dialogs/journeyRegistry.js';
import type { JourneyRoute } from '../../src/content/conversation.js';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';

export class InstantJourney extends Dialog {
  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    await dc.context.sendActivity('Here is what you asked for.');
    return dc.endDialog({ completed: true });
  }
}

/** Runs `body` with `route` replaced by an InstantJourney, putting the real journey back after. */
export async function withInstantJourney<T>(route: JourneyRoute, body: () => Promise<T>): Promise<T> {
  const original = journeyFactories[route];
  journeyFactories[route] = () => new InstantJourney(route);
  try {
    return await body();
  } finally {
    journeyFactories[route] = original;
  }
}

/** For a mocha `describe`: `route` is an InstantJourney during each of its tests. */
export function useInstantJourney(route: JourneyRoute): void {
  const original = journeyFactories[route];
  beforeEach(() => {
    journeyFactories[route] = () => new InstantJourney(route);
  });
  afterEach(() => {
    journeyFactories[route] = original;
  });
}
