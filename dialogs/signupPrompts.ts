// Prompts shared by the sign-up journeys. Every answer may come as free text or as a card
// submission; card submissions are parsed with zod before anything trusts them.
import type { TurnContext } from 'botbuilder';
import {
  TextPrompt,
  type DialogContext,
  type DialogTurnResult,
  type PromptOptions,
  type PromptValidator,
  type PromptValidatorContext,
} from '../src/bot/dialogKit.js';
import { getUnderstanding, setUnderstanding } from '../src/bot/turnUnderstanding.js';
import type { JourneyRoute } from '../src/content/conversation.js';
import type { ContactDetailsMessages } from '../src/content/signupMessages.js';
import { checkEmail, checkPhone, problemText, type Checked } from '../src/signups/contactDetails.js';
import { findReference } from '../src/signups/references.js';
import { consentSchema, submittedAction } from '../src/signups/submissions.js';
import { questionMessage, tappedChoice, type ChoiceQuestion } from './choiceQuestion.js';

/** "yes" or "no" in everyday words; undefined when it is neither. */
export function yesNo(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (
    /^(y|yes|yeah|yep|yup|ok|okay|sure|please|yes please|i agree|agree|i do|go ahead|fine|that's fine|correct|right)\b/.test(
      t,
    )
  )
    return true;
  if (
    /^(n|no|nope|nah|no thanks|no thank you|i don't|i do not|don't|do not|i disagree|not now|never mind)\b/.test(
      t,
    )
  )
    return false;
  return undefined;
}

/**
 * A text prompt whose re-prompt always ends with the question itself: first what was wrong (the
 * validator's own message, or the retryPrompt as a hint), then the prompt again. So the last thing
 * the person sees is always the question, and asking it again later (after help, or after a crisis
 * reply) repeats exactly what they last saw.
 */
export class SignupPrompt extends TextPrompt {
  constructor(id: string, validator: PromptValidator<string>) {
    super(id, async (pc) => {
      const ok = await validator(pc);
      if (!ok && pc.context.responded && pc.options.prompt) await pc.context.sendActivity(pc.options.prompt);
      return ok;
    });
  }

  protected override async onPrompt(
    context: TurnContext,
    state: object,
    options: PromptOptions,
    isRetry: boolean,
  ): Promise<void> {
    if (isRetry && options.retryPrompt && options.retryPrompt !== options.prompt)
      await context.sendActivity(options.retryPrompt);
    if (options.prompt) await context.sendActivity(options.prompt);
  }
}

/**
 * A prompt for a name, email address or phone number: a problem with the answer is explained in the
 * words of knowledge/signupMessages.yaml, then the question is asked again. A check may answer
 * 'skip' (for an optional answer), which gives ''.
 */
export class CheckedPrompt extends SignupPrompt {
  constructor(
    id: string,
    check: (text: string) => Checked<string> | 'skip',
    words: () => ContactDetailsMessages,
  ) {
    super(id, async (pc) => {
      const result = check(pc.context.activity.text ?? '');
      if (result === 'skip') pc.recognized.value = '';
      else if (result.ok) pc.recognized.value = result.value;
      else await pc.context.sendActivity(problemText(result.problem, words()));
      return result === 'skip' || result.ok;
    });
  }
}

/** The words on the Yes and No buttons. */
export interface YesNoLabels {
  yes: string;
  no: string;
}

/**
 * A yes/no prompt that also takes the consent card's buttons. Given `labels`, a question asked as
 * plain text gets Yes and No buttons, and is a choice question, so "no" there is an answer, never
 * a command to stop.
 */
export class YesNoPrompt extends SignupPrompt {
  constructor(
    id: string,
    private readonly labels?: () => YesNoLabels,
  ) {
    super(id, async (pc: PromptValidatorContext<string>) => {
      const question = pc.options.validations as ChoiceQuestion | undefined;
      const tapped = question ? tappedChoice(pc.context.activity.value, question) : undefined;
      const answer = tapped ? tapped.id === 'yes' : readYesNo(pc.context);
      if (answer === undefined) return false;
      pc.recognized.value = answer ? 'yes' : 'no';
      return true;
    });
  }

  override beginDialog(dc: DialogContext, options: PromptOptions): Promise<DialogTurnResult> {
    if (!this.labels || typeof options.prompt !== 'string') return super.beginDialog(dc, options);
    const { yes, no } = this.labels();
    const question: ChoiceQuestion = {
      key: `yes-no:${this.id}`,
      choices: [
        { id: 'yes', label: yes, keywords: ['yes', 'yeah', 'yep', 'ok', 'okay', 'sure', 'yes please'] },
        { id: 'no', label: no, keywords: ['no', 'nope', 'nah', 'no thanks', 'no thank you'] },
      ],
    };
    const channelId = dc.context.activity.channelId;
    return super.beginDialog(dc, {
      ...options,
      prompt: questionMessage(options.prompt, question, channelId),
      validations: question,
    });
  }
}

function readYesNo(context: TurnContext): boolean | undefined {
  const value: unknown = context.activity.value;
  if (value !== undefined && submittedAction(value) === 'signup.consent') {
    const parsed = consentSchema.safeParse(value);
    return parsed.success ? parsed.data.consent : undefined;
  }
  return yesNo(context.activity.text ?? '');
}

/** An email address (or a try at one), phone number, reference or number: an answer, never a command. */
function looksLikeData(text: string): boolean {
  return (
    checkEmail(text).ok ||
    checkPhone(text).ok ||
    findReference(text) !== undefined ||
    /\bVI[\s-]*[A-Z2-9]{5}[\s-]*[A-Z2-9]{5}\b/i.test(text) ||
    /^\s*\d{1,3}\s*$/.test(text) ||
    // An attempt at an email address, even a wrong one, is an answer to be checked.
    /@|\bdot (com|org|net|uk|co)\b/i.test(text)
  );
}

/**
 * Inside a sign-up journey, an email address or a reference is an answer, and "cancel my booking"
 * or "delete my volunteer details" is part of the journey: neither may be taken as a request for
 * help or to stop. The understanding for this turn is corrected so that the help/cancel base class
 * leaves it to the journey.
 */
export function keepJourneyFor(context: TurnContext, route: JourneyRoute, pattern: RegExp): void {
  const understood = getUnderstanding(context);
  if (!understood || (understood.route !== 'cancel' && understood.route !== 'help')) return;
  const text = context.activity.text ?? '';
  if (looksLikeData(text) || (understood.route === 'cancel' && pattern.test(text)))
    setUnderstanding(context, { route, score: understood.score, alternatives: understood.alternatives });
}
