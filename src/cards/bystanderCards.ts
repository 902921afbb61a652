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

/** The one-line reminders to keep, after the training. */
export function summaryCard(intro: string, techniques: readonly Technique[]): AdaptiveCard {
  const body = [
    textBlock('The 5Ds to keep', { weight: 'Bolder', size: 'Large', heading: true }),
    textBlock(intro),
    ...techniques.map((t) => textBlock(`- ${t.keep}`)),
  ];
  const fallback = ['The 5Ds to keep', intro, ...techniques.map((t) => `- ${t.keep}`)].join('\n\n');
  return adaptiveCard(body, undefined, fallback);
}
