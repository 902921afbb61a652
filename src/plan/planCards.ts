// The plan journey's replies as Adaptive Cards 1.5 (Teams, Web Chat), each with a plain-text
// fallback for channels without cards. Card text comes only from the knowledge base, never from
// what a person typed, so nothing they write is rendered as markdown.
import { adaptiveCard, type AdaptiveCard } from '../cards/cards.js';
import { actionData, type PlanAction } from './planActions.js';
import type { PlanAnswer } from './planGuide.js';
import type { PlanWording, Topic } from './schema.js';
import type { JourneyRoute } from '../content/conversation.js';

/** More buttons than this (Teams shows six on a card) turn the choices into a drop-down list. */
const MAX_BUTTONS = 6;

export interface Choice {
  label: string;
  action: PlanAction;
}

/** A button that leaves the plan for a resident journey ("Looking for how to report?"). */
export interface JourneyChoice {
  label: string;
  journey: JourneyRoute;
}

const submit = (choice: Choice | JourneyChoice) => ({
  type: 'Action.Submit',
  title: choice.label,
  data: 'journey' in choice ? { journey: choice.journey } : actionData(choice.action),
});

const text = (value: string, extra: Record<string, unknown> = {}) => ({
  type: 'TextBlock',
  text: value,
  wrap: true,
  ...extra,
});

/** Card markdown needs a blank line between a sentence and the list that follows it. */
export function cardMarkdown(value: string): string {
  const item = /^\s*(?:- |\d+\. )/;
  const lines = value.split('\n');
  return lines
    .map((line, i) =>
      i > 0 && item.test(line) && lines[i - 1].trim() && !item.test(lines[i - 1]) ? `\n${line}` : line,
    )
    .join('\n');
}

export const menuChoice = (wording: PlanWording): Choice => ({
  label: wording.browseMenu,
  action: { planAction: 'menu' },
});

export const topicChoice = (topic: Topic): Choice => ({
  label: topic.title,
  action: { planAction: 'topic', id: topic.id },
});

/** `extra` buttons (e.g. "Looking for how to report?") come before the related topics. */
export function answerCard(
  answer: PlanAnswer,
  wording: PlanWording,
  extra: JourneyChoice[] = [],
): AdaptiveCard {
  const parts = [
    { passage: answer.passage, source: answer.source },
    ...(answer.also ? [{ passage: answer.also.passage, source: answer.also.source }] : []),
  ];
  const related = answer.related.map(topicChoice);
  const body = parts.flatMap(({ passage, source }, i) => [
    text(passage.heading, {
      style: 'heading',
      weight: 'Bolder',
      size: 'Medium',
      ...(i > 0 ? { spacing: 'Large', separator: true } : {}),
    }),
    text(cardMarkdown(passage.text)),
    text(`${wording.sourcePrefix} ${source}`, { isSubtle: true, size: 'Small', spacing: 'Medium' }),
  ]);
  return adaptiveCard(
    [...body, text(wording.askAnother, { isSubtle: true, size: 'Small' })],
    [...extra, ...related, menuChoice(wording)].map(submit),
    [
      ...parts.flatMap(({ passage, source }) => [
        passage.heading,
        passage.text,
        `${wording.sourcePrefix} ${source}`,
      ]),
      `${wording.relatedPrefix} ${related.map((r) => r.label).join('; ')}`,
      wording.askAnother,
    ].join('\n\n'),
  );
}

/** "The plan does not say", where such facts are published, and the closest topics. */
export function notKnownCard(
  closest: Topic[],
  wording: PlanWording,
  where = wording.whereToLook,
): AdaptiveCard {
  const lead = [wording.notKnown, where, wording.recorded];
  const choices = closest.map(topicChoice);
  return adaptiveCard(
    [...lead.map((line) => text(line)), text(wording.closestPrefix, { spacing: 'Medium' })],
    [...choices, menuChoice(wording)].map(submit),
    [...lead, wording.closestPrefix, ...choices.map((c) => `- ${c.label}`), wording.askAnother].join('\n\n'),
  );
}

/**
 * A list to choose from: buttons when there are few, a drop-down and a Show button when there
 * are many (when `listAction` says what the chosen id is). `intro` (e.g. a topic's summary) comes
 * first; `extra` buttons (e.g. back to the menu) come after the choices.
 */
export function choiceCard(
  intro: { heading?: string; text: string },
  prompt: string,
  choices: Choice[],
  wording: PlanWording,
  listAction?: 'topic' | 'passage',
  extra: Choice[] = [],
): AdaptiveCard {
  const head = [
    ...(intro.heading ? [text(intro.heading, { style: 'heading', weight: 'Bolder', size: 'Medium' })] : []),
    text(cardMarkdown(intro.text)),
  ];
  const fallback = [
    ...(intro.heading ? [intro.heading] : []),
    intro.text,
    wording.textChoose,
    choices.map((c) => `- ${c.label}`).join('\n'),
  ].join('\n\n');
  if (choices.length + extra.length <= MAX_BUTTONS || !listAction) {
    return adaptiveCard(
      [...head, text(prompt, { spacing: 'Medium' })],
      [...choices, ...extra].map(submit),
      fallback,
    );
  }
  const ids = choices.map((c) => ('id' in c.action ? String(c.action.id) : ''));
  return adaptiveCard(
    [
      ...head,
      text(prompt, { spacing: 'Medium' }),
      {
        type: 'Input.ChoiceSet',
        id: 'id',
        style: 'compact',
        label: prompt,
        value: ids[0],
        choices: choices.map((c, i) => ({ title: c.label, value: ids[i] })),
      },
    ],
    [
      { type: 'Action.Submit', title: wording.show, data: { journey: 'themes', planAction: listAction } },
      ...extra.map(submit),
    ],
    fallback,
  );
}
