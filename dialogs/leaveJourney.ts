// When a message inside a sign-up journey belongs somewhere else, so the journey hands it on to
// be routed (the main dialog routes a { passOn: true } result) instead of asking its question again:
// - words the recogniser is sure ask for another journey, by a clear margin over the next route
//   ("how do I report something anonymously" while choosing a volunteering role);
// - a question typed where a name, email or phone number was asked for ("what is hate crime?").
// An answer to the question being asked always stays in the journey.
import { DialogTurnStatus, type DialogContext, type DialogTurnResult } from '../src/bot/dialogKit.js';
import { getUnderstanding, setUnderstanding } from '../src/bot/turnUnderstanding.js';
import type { Recogniser } from '../src/understanding/types.js';
import { JOURNEY_ROUTES } from '../src/content/conversation.js';
import { answersActiveQuestion } from './choiceQuestion.js';
import type { FeedbackResult } from './feedbackDialog.js';
import { CheckedPrompt } from './signupPrompts.js';

/** How sure the recogniser must be that the words ask for another journey. */
const LEAVE_CONFIDENCE = 0.85;
/** And by how much more than the next route, so a near tie never leaves. */
const LEAVE_MARGIN = 0.5;

const QUESTION_WORD = /^(what|whats|how|why|where|when|who|which|can|could|should|is|are|do|does)\b/i;

/** A question mark, or a question word and a few more words (so "Can Yilmaz" is still a name). */
function isQuestion(text: string): boolean {
  return /\?\s*$/.test(text) || (QUESTION_WORD.test(text) && text.split(/\s+/).length >= 3);
}

/** The innermost active dialog and the context that holds it. */
function innermost(dc: DialogContext): DialogContext {
  let inner = dc;
  while (inner.child) inner = inner.child;
  return inner;
}

/** True when the person is being asked to type a name, email or phone number. */
function atFreeTextPrompt(dc: DialogContext): boolean {
  const inner = innermost(dc);
  const id = inner.activeDialog?.id;
  return id !== undefined && inner.findDialog(id) instanceof CheckedPrompt;
}

/** Another journey the recogniser is clearly sure the words ask for, if any. */
export function clearlyAnotherJourney(dc: DialogContext, current: string): string | undefined {
  const understood = getUnderstanding(dc.context);
  if (!understood || understood.route === current) return undefined;
  if (!(JOURNEY_ROUTES as readonly string[]).includes(understood.route)) return undefined;
  const next = understood.alternatives?.[0]?.score ?? 0;
  if (understood.score < LEAVE_CONFIDENCE || understood.score - next < LEAVE_MARGIN) return undefined;
  return understood.route;
}

export type LeaveReason = 'another-journey' | 'question';

/** Why this message should leave the journey `current`, or undefined when it belongs here. */
export function reasonToLeave(dc: DialogContext, current: string): LeaveReason | undefined {
  const { value, text } = dc.context.activity;
  if (value !== undefined || !text || answersActiveQuestion(dc)) return undefined;
  if (clearlyAnotherJourney(dc, current)) return 'another-journey';
  if (atFreeTextPrompt(dc) && isQuestion(text.trim())) return 'question';
  return undefined;
}

/**
 * Ends the journey so that the main dialog routes this same message, read again as if no journey
 * were open (inside one, unclear words lean towards that journey).
 */
export async function passOn(dc: DialogContext, recogniser: Recogniser): Promise<DialogTurnResult> {
  setUnderstanding(dc.context, recogniser.recognise(dc.context.activity.text ?? '', {}));
  await dc.cancelAllDialogs();
  return { status: DialogTurnStatus.complete, result: { passOn: true } satisfies FeedbackResult };
}
