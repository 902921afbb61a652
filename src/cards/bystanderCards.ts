// Cards for the bystander training: the techniques to learn at the start, and the summary to keep.
import type { Technique } from '../content/bystander.js';
import { adaptiveCard, container, textBlock, type AdaptiveCard } from './cards.js';

/** The 5Ds and Ask for Angela, each with its short explanation. */
export function techniquesCard(title: string, techniques: readonly Technique[]): AdaptiveCard {
  const body = [
    textBlock(title, { weight: 'Bolder', size: 'Large', heading: true }),
    ...techniques.map((t) =>
      container([textBlock(t.name, { weight: 'Bolder' }), textBlock(t.explain)], { separator: true }),
    ),
  ];
  const fallback = [title, ...techniques.map((t) => `${t.name}: ${t.explain}`)].join('\n\n');
  return adaptiveCard(body, undefined, fallback);
}

/** A journey the summary offers next: the button opens it through the card's { journey } value. */
export interface NextJourney {
  route: string;
  label: string;
}

/** The one-line reminders to keep, after the training, and the offer of what to do next. */
export function summaryCard(
  title: string,
  intro: string,
  techniques: readonly Technique[],
  offer: string,
  next: readonly NextJourney[],
): AdaptiveCard {
  const body = [
    textBlock(title, { weight: 'Bolder', size: 'Large', heading: true }),
    textBlock(intro),
    ...techniques.map((t) => textBlock(`- ${t.keep}`)),
    container([textBlock(offer, { weight: 'Bolder' })], { separator: true }),
  ];
  const actions = next.map((j) => ({ type: 'Action.Submit', title: j.label, data: { journey: j.route } }));
  const fallback = [
    title,
    intro,
    ...techniques.map((t) => `- ${t.keep}`),
    `${offer} Type "${next.map((j) => j.label).join('" or "')}".`,
  ].join('\n\n');
  return adaptiveCard(body, actions, fallback);
}
