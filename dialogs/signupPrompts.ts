// Prompts shared by the sign-up journeys. Every answer may come as free text or as a card
// submission; card submissions are parsed with zod before anything trusts them.
import type { TurnContext } from 'botbuilder';
import { TextPrompt, type PromptValidatorContext } from 'botbuilder-dialogs';
import { getUnderstanding, setUnderstanding } from '../src/bot/turnUnderstanding.js';
import { consentSchema, submittedAction } from '../src/signups/submissions.js';

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

/** A yes/no prompt that also takes the consent card's buttons. */
export class YesNoPrompt extends TextPrompt {
  constructor(id: string) {
    super(id, async (pc: PromptValidatorContext<string>) => {
      const answer = readYesNo(pc.context);
      if (answer === undefined) return false;
      pc.recognized.value = answer ? 'yes' : 'no';
      return true;
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

/**
 * Inside a sign-up journey, "cancel my booking" or "stop my volunteering interest" is part of the
 * journey, not a request to stop it: the understanding for this turn is corrected so that the
 * help/cancel base class does not end the journey.
 */
export function keepJourneyFor(context: TurnContext, route: 'workshop' | 'volunteer', pattern: RegExp): void {
  const understood = getUnderstanding(context);
  if (!understood || understood.route !== 'cancel') return;
  if (pattern.test(context.activity.text ?? ''))
    setUnderstanding(context, { route, score: understood.score, alternatives: understood.alternatives });
}
