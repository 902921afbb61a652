// A question with fixed answers that also understands free text: the person can tap a button,
// type its number, or say it in their own words when that clearly matches one answer. Anything
// unclear shows the answers again. Resident journeys use it for every question.
//
// A tapped button carries { choice, question } as its value and no text of its own, so the words
// on the bot's own buttons ("Call 999", "Pull him off her") are never read as the person's words
// by the recogniser or the safeguarding check. The value is user input: it is parsed and must name
// an answer of the question being asked.
import { ActionTypes, ActivityTypes, CardFactory, type Activity, type CardAction } from 'botbuilder';
import {
  TextPrompt,
  type DialogContext,
  type PromptOptions,
  type PromptValidatorContext,
} from '../src/bot/dialogKit.js';
import { z } from 'zod';
import { getUnderstanding } from '../src/bot/turnUnderstanding.js';
import { actionSet, adaptiveCard, textBlock } from '../src/cards/cards.js';
import { matchChoice, type MatchableChoice } from '../src/content/matchChoice.js';

/** Choice ids the journeys share. */
export const BACK = '__back';
export const PAUSE = '__pause';

export const backChoice: MatchableChoice = {
  id: BACK,
  label: 'Back',
  keywords: ['back', 'go back', 'previous', 'undo', 'change my answer'],
};

export interface ChoiceQuestion {
  /** Names the question in button values, so a button left over from another question is ignored. */
  key: string;
  choices: MatchableChoice[];
  /** Extra words per choice id that count like its keywords (e.g. a technique's name). */
  extraKeywords?: Record<string, readonly string[]>;
}

const buttonValue = z.object({ choice: z.string().max(80), question: z.string().max(80) }).passthrough();

/** The answer a tapped button names, when it belongs to this question. */
export function tappedChoice(value: unknown, question: ChoiceQuestion): MatchableChoice | undefined {
  const parsed = buttonValue.safeParse(value);
  if (!parsed.success || parsed.data.question !== question.key) return undefined;
  return question.choices.find((c) => c.id === parsed.data.choice);
}

/** Teams shows at most three suggested actions, so there the answers are card buttons. */
const CARD_BUTTON_CHANNELS = new Set(['msteams']);

/**
 * The question as a message: the text, the answers numbered (for channels without buttons, and
 * for typing a number), and a button per answer.
 */
export function questionMessage(
  text: string,
  question: ChoiceQuestion,
  channelId: string | undefined,
): Partial<Activity> {
  const numbered = question.choices
    .filter((c) => !c.id.startsWith('__'))
    .map((c, i) => `${i + 1}. ${c.label}`)
    .join('\n');
  const value = (c: MatchableChoice) => ({ choice: c.id, question: question.key });
  if (CARD_BUTTON_CHANNELS.has(channelId ?? '')) {
    // One button per row: a card may hold only a few actions side by side.
    const buttons = question.choices.map((c) =>
      actionSet([{ type: 'Action.Submit', title: c.label, data: value(c) }]),
    );
    const card = adaptiveCard([textBlock(text), ...buttons], undefined, `${text}\n\n${numbered}`);
    return { type: ActivityTypes.Message, attachments: [CardFactory.adaptiveCard(card)] };
  }
  const actions: CardAction[] = question.choices.map((c) => ({
    type: ActionTypes.MessageBack,
    title: c.label,
    displayText: c.label,
    value: value(c),
  }));
  return {
    type: ActivityTypes.Message,
    text: `${text}\n\n${numbered}`,
    suggestedActions: { to: [], actions },
  };
}

const NOT_SURE = "Sorry, I'm not sure which one you mean. Tap a button, or type its number.";

/**
 * Prompt options for a choice question; the prompt's result is the chosen id. `reminder` is said
 * before the answers are shown again after an unclear reply.
 */
export function choicePromptOptions(
  text: string,
  question: ChoiceQuestion,
  channelId: string | undefined,
  reminder?: string,
): PromptOptions {
  return {
    prompt: questionMessage(text, question, channelId),
    retryPrompt: questionMessage(reminder ? `${reminder}\n\n${NOT_SURE}` : NOT_SURE, question, channelId),
    validations: question,
  };
}

/**
 * A TextPrompt whose result is the id of the answer the person chose. Numbers count only for the
 * listed answers (not Back or Pause), matching what the message shows.
 */
export class ChoiceTextPrompt extends TextPrompt {
  constructor(id: string) {
    super(id, async (prompt: PromptValidatorContext<string>) => {
      const question = prompt.options.validations as ChoiceQuestion | undefined;
      if (!question) return false;
      const tapped = tappedChoice(prompt.context.activity.value, question);
      const text = prompt.recognized.value;
      const chosen =
        tapped ??
        (prompt.recognized.succeeded && typeof text === 'string' ? typedChoice(text, question) : undefined);
      // A message about risk to life is never taken as an answer (the safeguarding check answers it).
      if (!chosen || (!tapped && getUnderstanding(prompt.context)?.route === 'crisis')) return false;
      prompt.recognized.value = chosen.id;
      return true;
    });
  }
}

/** The answer typed words clearly mean, if any. */
export function typedChoice(text: string, question: ChoiceQuestion): MatchableChoice | undefined {
  const listed = question.choices.filter((c) => !c.id.startsWith('__'));
  const special = question.choices.filter((c) => c.id.startsWith('__'));
  return (
    matchChoice(text, listed, question.extraKeywords) ?? matchChoice(text, special, {}, { byPosition: false })
  );
}

/** The choice question the innermost active prompt is asking (through nested journeys), if any. */
export function activeChoiceQuestion(dc: DialogContext): ChoiceQuestion | undefined {
  let inner = dc;
  while (inner.child) inner = inner.child;
  const state = inner.activeDialog?.state as
    { options?: { validations?: Partial<ChoiceQuestion> } } | undefined;
  const asked = state?.options?.validations;
  return asked && typeof asked.key === 'string' && Array.isArray(asked.choices)
    ? (asked as ChoiceQuestion)
    : undefined;
}

/**
 * True when the message is one of the answers of the question being asked (tapped, typed, or its
 * number). Such an answer wins over the commands every journey understands: "cancel" at "cancel
 * it, move it or keep it" cancels the booking, it does not stop the journey.
 */
export function answersActiveQuestion(dc: DialogContext): boolean {
  const question = activeChoiceQuestion(dc);
  if (!question) return false;
  const { value, text } = dc.context.activity;
  return tappedChoice(value, question) !== undefined || typedChoice(text ?? '', question) !== undefined;
}
