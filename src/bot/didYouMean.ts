// Low confidence is not guessed: the bot asks "Did you mean ...?" with the two or three most
// likely routes as buttons, and records the question (without personal data) for the staff.
import { MessageFactory, type TurnContext } from 'botbuilder';
import type { Content } from '../content/content.js';
import { LOW_CONFIDENCE } from '../understanding/recogniser.js';
import type { RecogniserResult, Route } from '../understanding/types.js';
import type { BotServices } from './services.js';

const MAX_CHOICES = 3;
/** A choice must be at least this likely to be offered. */
const MIN_CHOICE_SCORE = 0.05;

/** The button label of a route: the menu label for journeys, otherwise from clarify.yaml. */
export function routeLabel(content: Content, route: Route): string | undefined {
  const journey = content.conversation.journeys.find((j) => j.route === route);
  if (journey) return journey.label;
  return (content.clarify.labels as Partial<Record<Route, string>>)[route];
}

/** Every label the bot may offer, with its route: a press is understood exactly. */
export function clarifyLabels(content: Content): { route: Route; label: string }[] {
  return Object.entries(content.clarify.labels).map(([route, label]) => ({ route: route as Route, label }));
}

export function isUnsure(understood: RecogniserResult): boolean {
  return understood.route !== 'crisis' && understood.score < LOW_CONFIDENCE;
}

/** Asks what the person meant when the recogniser is unsure; returns false when it was sure. */
export async function askIfUnsure(
  context: TurnContext,
  services: BotServices,
  understood: RecogniserResult | undefined,
): Promise<boolean> {
  // Only free text is asked about: a card press without text is not a question.
  if (!understood || !isUnsure(understood) || !context.activity.text?.trim()) return false;
  const candidates = [understood, ...understood.alternatives]
    .filter((c, i) => c.route !== 'crisis' && (i === 0 || c.score >= MIN_CHOICE_SCORE))
    .map((c) => routeLabel(services.content, c.route))
    .filter((label): label is string => Boolean(label));
  const choices = [...new Set(candidates)].slice(0, MAX_CHOICES);
  if (choices.length < 2) return false;
  await services.insights.record({
    type: 'unanswered',
    kind: 'low_confidence',
    text: context.activity.text ?? '',
  });
  await context.sendActivity(MessageFactory.suggestedActions(choices, services.content.clarify.question));
  return true;
}
