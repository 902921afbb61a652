// The base of the resident journeys: help and cancel as in every journey, except when the person
// tapped or typed one of the answers just offered, or asked to go back. Those are answers to the
// question, whatever a recogniser makes of words like "Do nothing" or "Back". Asking for another
// journey (its button, or words the recogniser is sure of that answer nothing here) hands over.
import { DialogTurnStatus, type DialogContext, type DialogTurnResult } from '../src/bot/dialogKit.js';
import { getUnderstanding } from '../src/bot/turnUnderstanding.js';
import { JOURNEY_ROUTES } from '../src/content/conversation.js';
import { normalise } from '../src/content/matchChoice.js';
import { CancelAndHelpDialog } from './cancelAndHelpDialog.js';
import { backChoice, tappedChoice, typedChoice, type ChoiceQuestion } from './choiceQuestion.js';
import type { FeedbackResult } from './feedbackDialog.js';

/** How sure the recogniser must be before typed words leave a journey for another one. */
const HANDOFF_CONFIDENCE = 0.9;

export class ResidentJourneyDialog extends CancelAndHelpDialog {
  override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    if (this.isAnswerToQuestion(innerDc)) return innerDc.continueDialog();
    if (this.wantsAnotherJourney(innerDc)) {
      // The main dialog routes the same message to the journey that was asked for.
      await innerDc.cancelAllDialogs();
      return { status: DialogTurnStatus.complete, result: { passOn: true } satisfies FeedbackResult };
    }
    return super.onContinueDialog(innerDc);
  }

  /**
   * True for a tap on another journey (a menu label or a card's { journey } value), or words that
   * the recogniser is sure ask for another journey and that answer none of the choices.
   */
  private wantsAnotherJourney(innerDc: DialogContext): boolean {
    const understood = getUnderstanding(innerDc.context);
    if (!understood || understood.route === this.id) return false;
    if (!(JOURNEY_ROUTES as readonly string[]).includes(understood.route)) return false;
    if (understood.score >= 1) return true;
    if (understood.score < HANDOFF_CONFIDENCE) return false;
    const question = this.activeQuestion(innerDc);
    const text = innerDc.context.activity.text ?? '';
    return !question || !typedChoice(text, question);
  }

  private activeQuestion(innerDc: DialogContext): ChoiceQuestion | undefined {
    const state = innerDc.activeDialog?.state as { options?: { validations?: ChoiceQuestion } } | undefined;
    return state?.options?.validations?.choices ? state.options.validations : undefined;
  }

  /** True when the message is one of the answers just offered (tapped or typed), or asks to go back. */
  protected isAnswerToQuestion(innerDc: DialogContext): boolean {
    const question = this.activeQuestion(innerDc);
    if (!question) return false;
    if (tappedChoice(innerDc.context.activity.value, question)) return true;
    const text = normalise(innerDc.context.activity.text ?? '');
    if (!text) return false;
    if (question.choices.some((c) => normalise(c.label) === text)) return true;
    const offersBack = question.choices.some((c) => c.id === backChoice.id);
    return offersBack && (backChoice.keywords ?? []).some((k) => normalise(k) === text);
  }
}
