// Works out once per message what the person wants, before any dialog runs.
// Button presses are exact: a card's { journey } value or a menu label the bot itself offered.
// Everything else goes to the recogniser.
import type { Middleware, TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { ConversationText } from '../content/conversation.js';
import {
  routeSchema,
  type Recogniser,
  type RecogniserResult,
  type RecognitionContext,
  type Route,
} from '../understanding/types.js';
import { setUnderstanding } from './turnUnderstanding.js';

/** A card button's value: untrusted, so parsed. */
const journeyValue = z.object({ journey: routeSchema }).passthrough();

export interface UnderstandingOptions {
  /** More button labels the bot offers (e.g. "Did you mean ...?" choices), understood exactly. */
  labels?: { route: Route; label: string }[];
  /** The journey the person is in, given to the recogniser as context. */
  journeyOf?: (context: TurnContext) => Promise<Route | undefined>;
}

export class UnderstandingMiddleware implements Middleware {
  private readonly labels: Map<string, RecogniserResult>;

  constructor(
    private readonly recogniser: Recogniser,
    conversation: ConversationText,
    private readonly options: UnderstandingOptions = {},
  ) {
    this.labels = new Map(
      [...conversation.journeys, ...(options.labels ?? [])].map((j) => [
        normalise(j.label),
        { route: j.route, score: 1, alternatives: [] },
      ]),
    );
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (context.activity.type === 'message') setUnderstanding(context, await this.understand(context));
    await next();
  }

  private async understand(context: TurnContext): Promise<RecogniserResult> {
    // Most messages carry no value: skip the parse (a failed zod parse builds an error, which is slow).
    const value =
      context.activity.value === undefined ? undefined : journeyValue.safeParse(context.activity.value);
    if (value?.success) return { route: value.data.journey, score: 1, alternatives: [] };
    const text = context.activity.text ?? '';
    const label = this.labels.get(normalise(text));
    if (label) return label;
    const recognition: RecognitionContext = { activeJourney: await this.options.journeyOf?.(context) };
    try {
      return this.recogniser.recognise(text, recognition);
    } catch {
      // Never let a recogniser fault stop the turn before the safeguarding check runs its rules.
      return { route: 'help', score: 0, alternatives: [] };
    }
  }
}

function normalise(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}
