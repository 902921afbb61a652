// Works out once per message what the person wants, before any dialog runs.
// Button presses are exact: a card's { journey } value or a menu label the bot itself offered.
// Everything else goes to the recogniser.
import type { Middleware, TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { ConversationText } from '../content/conversation.js';
import { routeSchema, type Recogniser, type RecogniserResult } from '../understanding/types.js';
import { setUnderstanding } from './turnUnderstanding.js';

/** A card button's value: untrusted, so parsed. */
const journeyValue = z.object({ journey: routeSchema }).passthrough();

export class UnderstandingMiddleware implements Middleware {
  private readonly labels: Map<string, RecogniserResult>;

  constructor(
    private readonly recogniser: Recogniser,
    conversation: ConversationText,
  ) {
    this.labels = new Map(
      conversation.journeys.map((j) => [normalise(j.label), { route: j.route, score: 1, alternatives: [] }]),
    );
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (context.activity.type === 'message') setUnderstanding(context, this.understand(context));
    await next();
  }

  private understand(context: TurnContext): RecogniserResult {
    const value = journeyValue.safeParse(context.activity.value);
    if (value.success) return { route: value.data.journey, score: 1, alternatives: [] };
    const text = context.activity.text ?? '';
    return this.labels.get(normalise(text)) ?? this.recogniser.recognise(text);
  }
}

function normalise(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}
