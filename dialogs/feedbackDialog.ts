// "Did this help?" at the end of a journey, with an optional comment when it did not.
// Anything other than an answer is passed back to the main dialog, so nobody is trapped here.
import { ActivityTypes, MessageFactory } from 'botbuilder';
import {
  DialogTurnStatus,
  TextPrompt,
  type DialogContext,
  WaterfallDialog,
  type DialogTurnResult,
  type WaterfallStepContext,
} from '../src/bot/dialogKit.js';
import type { BotServices } from '../src/bot/services.js';
import { markOfferPerson } from '../src/handoff/handoffTurn.js';
import { CancelAndHelpDialog } from './cancelAndHelpDialog.js';
import { menuMessage } from './menu.js';

export const FEEDBACK_DIALOG = 'feedback';
const ANSWER_PROMPT = 'feedback-answer';
const COMMENT_PROMPT = 'feedback-comment';
const MAX_COMMENT = 500;

const YES = /^(y|yes|yeah|yep|yup|it did|it helped|helpful|very|definitely|👍)\b/i;
const NO = /^(n|no|nope|nah|not really|it didn'?t|not helpful|👎)\b/i;

export interface FeedbackOptions {
  journey: string;
}

/** The result when the person wrote something else: the main dialog routes that message. */
export interface FeedbackResult {
  passOn?: boolean;
}

export class FeedbackDialog extends CancelAndHelpDialog {
  constructor(services: BotServices) {
    super(FEEDBACK_DIALOG, services);
    // Any message is an answer here, including a card button with no text (e.g. "Volunteer" on the
    // bystander summary), so that it is passed on instead of asking "Did this help?" again.
    this.addDialog(new TextPrompt(ANSWER_PROMPT, async () => true));
    this.addDialog(new TextPrompt(COMMENT_PROMPT));
    this.addDialog(
      new WaterfallDialog(`${FEEDBACK_DIALOG}-steps`, [
        this.askStep.bind(this),
        this.answerStep.bind(this),
        this.commentStep.bind(this),
      ]),
    );
    this.initialDialogId = `${FEEDBACK_DIALOG}-steps`;
  }

  /** A card button or form (a message with a value) is never an answer here: pass it on. */
  override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const { activity } = innerDc.context;
    if (activity.type === ActivityTypes.Message && activity.value !== undefined) {
      await innerDc.cancelAllDialogs();
      return { status: DialogTurnStatus.complete, result: { passOn: true } satisfies FeedbackResult };
    }
    return super.onContinueDialog(innerDc);
  }

  private get words() {
    return this.services.content.conversation.feedback;
  }

  private askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const prompt = MessageFactory.suggestedActions([this.words.yes, this.words.no], this.words.question);
    return step.prompt(ANSWER_PROMPT, { prompt });
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const answer = String(step.result ?? '').trim();
    const { journey } = step.options as FeedbackOptions;
    if (YES.test(answer)) {
      await this.services.insights.record({ type: 'feedback', journey, helpful: true });
      await step.context.sendActivity(this.thenMenu(step, this.words.thanks));
      return step.endDialog({} satisfies FeedbackResult);
    }
    if (NO.test(answer)) {
      const prompt = MessageFactory.suggestedActions([this.words.skip], this.words.commentPrompt);
      return step.prompt(COMMENT_PROMPT, { prompt });
    }
    return step.endDialog({ passOn: true } satisfies FeedbackResult);
  }

  /** Thanks, then what to do next: the conversation never stops dead after the feedback. */
  private thenMenu(step: WaterfallStepContext, thanks: string) {
    const { conversation } = this.services.content;
    return menuMessage(conversation, `${thanks} ${conversation.menuPrompt}`, step.context.activity.channelId);
  }

  private async commentStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const text = String(step.result ?? '').trim();
    const { journey } = step.options as FeedbackOptions;
    const skipped = text.toLowerCase() === this.words.skip.toLowerCase();
    // The comment is redacted by the insights before it is kept.
    const comment = skipped ? undefined : text.slice(0, MAX_COMMENT);
    await this.services.insights.record({ type: 'feedback', journey, helpful: false, comment });
    await step.context.sendActivity(
      this.thenMenu(step, skipped ? this.words.thanks : this.words.commentThanks),
    );
    // It did not help: the hand-off offers a person.
    markOfferPerson(step.context);
    return step.endDialog({} satisfies FeedbackResult);
  }
}
