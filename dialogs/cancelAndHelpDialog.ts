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
import { answersActiveQuestion } from './choiceQuestion.js';
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
