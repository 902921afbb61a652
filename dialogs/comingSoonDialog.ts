// Stands in for a journey that is not built yet, and says so honestly.
import { Dialog, type DialogContext, type DialogTurnResult } from '../src/bot/dialogKit.js';
import type { BotServices } from '../src/bot/services.js';
import { menuMessage } from './menu.js';

export class ComingSoonDialog extends Dialog {
  constructor(
    id: string,
    private readonly services: BotServices,
  ) {
    super(id);
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const { conversation } = this.services.content;
    await dc.context.sendActivity(
      menuMessage(conversation, conversation.comingSoon, dc.context.activity.channelId),
    );
    return dc.endDialog({ completed: false });
  }
}
