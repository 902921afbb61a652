// The base of every journey: "help", "cancel" and "start over" work at every prompt
// (the core-bot CancelAndHelpDialog pattern). Help keeps the person's place; cancel ends the journey.
// An answer that is one of the current question's own buttons is an answer, not a command.
import {
  ComponentDialog,
  DialogTurnStatus,
  type DialogContext,
  type DialogTurnResult,
} from '../src/bot/dialogKit.js';
import type { BotServices } from '../src/bot/services.js';
import { getUnderstanding } from '../src/bot/turnUnderstanding.js';
import { JOURNEY_ROUTES } from '../src/content/conversation.js';
import { answersActiveQuestion } from './choiceQuestion.js';
import { recordStepReached } from './journeyFunnel.js';
import { menuMessage, paragraphs } from './menu.js';

/** Below this confidence a message is treated as an answer to the prompt, not as a command. */
const INTERRUPT_CONFIDENCE = 0.6;

export class CancelAndHelpDialog extends ComponentDialog {
  constructor(
    id: string,
    protected readonly services: BotServices,
  ) {
    super(id);
  }

  override async beginDialog(outerDc: DialogContext, options?: object): Promise<DialogTurnResult> {
    return this.counted(outerDc, await super.beginDialog(outerDc, options));
  }

  override async continueDialog(outerDc: DialogContext): Promise<DialogTurnResult> {
    return this.counted(outerDc, await super.continueDialog(outerDc));
  }

  /**
   * A journey (not a part inside one) that waits for an answer counts the step it reached. A
   * journey that ended returns what its parent went on to (e.g. "Did this help?"): not its step.
   */
  private async counted(outerDc: DialogContext, result: DialogTurnResult): Promise<DialogTurnResult> {
    const journey = (JOURNEY_ROUTES as readonly string[]).includes(this.id);
    if (journey && result.status === DialogTurnStatus.waiting && outerDc.activeDialog?.id === this.id)
      await recordStepReached(outerDc, this.id, this.services.insights);
    return result;
  }

  override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    return (await this.interrupt(innerDc)) ?? super.onContinueDialog(innerDc);
  }

  private async interrupt(innerDc: DialogContext): Promise<DialogTurnResult | undefined> {
    const understood = getUnderstanding(innerDc.context);
    if (!understood || understood.score < INTERRUPT_CONFIDENCE) return undefined;
    if (answersActiveQuestion(innerDc)) return undefined;
    const { conversation } = this.services.content;
    switch (understood.route) {
      case 'help':
        await innerDc.context.sendActivity(paragraphs(conversation.help));
        await innerDc.repromptDialog();
        return { status: DialogTurnStatus.waiting };
      case 'cancel':
        await innerDc.context.sendActivity(
          menuMessage(
            conversation,
            conversation.cancelled + ' ' + conversation.menuPrompt,
            innerDc.context.activity.channelId,
          ),
        );
        // The journey ends with no result; the main dialog then simply waits for what comes next.
        return innerDc.cancelAllDialogs();
      default:
        return undefined;
    }
  }
}
