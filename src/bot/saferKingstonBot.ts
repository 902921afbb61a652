// The bot's turn handler. Teams-aware so the same bot serves Teams, Direct Line and Web Chat.
// State is saved at the end of every turn, whatever the dialogs did.
import {
  TeamsActivityHandler,
  type ConversationState,
  type StatePropertyAccessor,
  type TurnContext,
  type UserState,
} from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { MainDialog } from '../../dialogs/mainDialog.js';
import { menuMessage, paragraphs, welcomeFor } from '../../dialogs/menu.js';
import type { BotServices } from './services.js';
import { setUserState } from './userStateAccess.js';

export class SaferKingstonBot extends TeamsActivityHandler {
  readonly dialogState: StatePropertyAccessor<DialogState>;
  readonly mainDialog: MainDialog;

  constructor(
    private readonly services: BotServices,
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
  ) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');
    this.mainDialog = new MainDialog(services);

    this.onMessage(async (context, next) => {
      await this.mainDialog.run(context, this.dialogState);
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const joined = (context.activity.membersAdded ?? []).filter(
        (m) => m.id !== context.activity.recipient?.id,
      );
      if (joined.length > 0) {
        await this.services.insights.record({
          type: 'conversation_started',
          channel: context.activity.channelId,
        });
        await this.welcome(context);
      }
      await next();
    });
  }

  async welcome(context: TurnContext): Promise<void> {
    const { conversation } = this.services.content;
    const { channelId } = context.activity;
    await context.sendActivity(paragraphs(welcomeFor(conversation, channelId)));
    await context.sendActivity(menuMessage(conversation, undefined, channelId));
  }

  override async run(context: TurnContext): Promise<void> {
    setUserState(context, this.userState);
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
    await this.userState.saveChanges(context, false);
  }
}
