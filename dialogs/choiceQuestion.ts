// A question with fixed answers that also understands free text: the person can tap a button,
// type its number, or say it in their own words when that clearly matches one answer. Anything
// unclear shows the answers again. Resident journeys use it for every question.
import { MessageFactory, type Activity } from 'botbuilder';
import { TextPrompt, type PromptOptions, type PromptValidatorContext } from 'botbuilder-dialogs';
import { getUnderstanding } from '../src/bot/turnUnderstanding.js';
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
  choices: MatchableChoice[];
  /** Extra words per choice id that count like its keywords (e.g. a technique's name). */
  extraKeywords?: Record<string, readonly string[]>;
}

/** The question as a message: the text, the answers numbered (for channels without buttons), and buttons. */
export function questionMessage(text: string, choices: readonly MatchableChoice[]): Partial<Activity> {
  const numbered = choices
    .filter((c) => !c.id.startsWith('__'))
    .map((c, i) => `${i + 1}. ${c.label}`)
    .join('\n');
  return MessageFactory.suggestedActions(
    choices.map((c) => c.label),
    `${text}\n\n${numbered}`,
  );
}

const NOT_SURE = "Sorry, I'm not sure which one you mean. Tap a button, or type its number.";

export function retryMessage(choices: readonly MatchableChoice[], reminder?: string): Partial<Activity> {
  return questionMessage(reminder ? `${reminder}\n\n${NOT_SURE}` : NOT_SURE, choices);
}

/**
 * Prompt options for a choice question; the prompt's result is the chosen id. `reminder` is said
 * before the answers are shown again after an unclear reply.
 */
export function choicePromptOptions(
  text: string,
  question: ChoiceQuestion,
  reminder?: string,
): PromptOptions {
  return {
    prompt: questionMessage(text, question.choices),
    retryPrompt: retryMessage(question.choices, reminder),
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
      const text = prompt.recognized.value;
      if (!prompt.recognized.succeeded || !question || typeof text !== 'string') return false;
      // A message about risk to life is never taken as an answer (the safeguarding check answers it).
      if (getUnderstanding(prompt.context)?.route === 'crisis') return false;
      const listed = question.choices.filter((c) => !c.id.startsWith('__'));
      const special = question.choices.filter((c) => c.id.startsWith('__'));
      const chosen =
        matchChoice(text, listed, question.extraKeywords) ??
        matchChoice(text, special, {}, { byPosition: false });
      if (!chosen) return false;
      prompt.recognized.value = chosen.id;
      return true;
    });
  }
}
