// The base of the resident journeys: help and cancel as in every journey, except when the person
// tapped or typed one of the answers just offered, or asked to go back. Those are answers to the question,
// whatever a recogniser makes of words like "Do nothing" or "Back".
import type { DialogContext, DialogTurnResult } from 'botbuilder-dialogs';
import { normalise } from '../src/content/matchChoice.js';
import { CancelAndHelpDialog } from './cancelAndHelpDialog.js';
import { backChoice, tappedChoice, type ChoiceQuestion } from './choiceQuestion.js';

export class ResidentJourneyDialog extends CancelAndHelpDialog {
  override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    if (this.isAnswerToQuestion(innerDc)) return innerDc.continueDialog();
    return super.onContinueDialog(innerDc);
  }

  /** True when the message is one of the answers just offered (by its label), or asks to go back. */
  protected isAnswerToQuestion(innerDc: DialogContext): boolean {
    const state = innerDc.activeDialog?.state as { options?: { validations?: ChoiceQuestion } } | undefined;
    const question = state?.options?.validations;
    if (!question?.choices) return false;
    if (tappedChoice(innerDc.context.activity.value, question)) return true;
    const text = normalise(innerDc.context.activity.text ?? '');
    if (!text) return false;
    if (question.choices.some((c) => normalise(c.label) === text)) return true;
    const offersBack = question.choices.some((c) => c.id === backChoice.id);
    return offersBack && (backChoice.keywords ?? []).some((k) => normalise(k) === text);
  }
}
