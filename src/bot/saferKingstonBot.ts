// The bot's turn handler. Teams-aware so the same bot serves Teams, Direct Line and Web Chat.
// State is saved at the end of every turn, whatever the dialogs did.
import {
  TeamsActivityHandler,
  MessageFactory,
  type ConversationState,
  type StatePropertyAccessor,
  type TurnContext,
  type UserState,
} from 'botbuilder';
import type { DialogState } from './dialogKit.js';
import { CALLBACK_DIALOG } from '../../dialogs/handoffCallbackDialog.js';
import { HandoffTurns } from '../../dialogs/handoffTurns.js';
import { MainDialog } from '../../dialogs/mainDialog.js';
import { markHandlerRan } from '../handoff/handoffTurn.js';
import { menuMessage, paragraphs, welcomeFor } from '../../dialogs/menu.js';
import { JOIN_EVENT, parseStart, WEB_PAGE_USER_PREFIX } from '../channels/startLinks.js';
import { setTurnSource, sourceField, type ChannelEntry } from './conversationSource.js';
import type { BotServices } from './services.js';
import { setUserState } from './userStateAccess.js';

export class SaferKingstonBot extends TeamsActivityHandler {
  readonly dialogState: StatePropertyAccessor<DialogState>;
  readonly channelEntry: StatePropertyAccessor<ChannelEntry>;
  readonly mainDialog: MainDialog;
  readonly handoff: HandoffTurns;

  constructor(
    private readonly services: BotServices,
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
  ) {
    super();
    this.dialogState = conversationState.createProperty<DialogState>('dialogState');
    this.channelEntry = conversationState.createProperty<ChannelEntry>('channelEntry');
    this.mainDialog = new MainDialog(services);
    this.handoff = new HandoffTurns(services, conversationState);

    this.onMessage(async (context, next) => {
      markHandlerRan(context);
      // A chat with staff (or the staff desk itself) takes the message before any journey.
      if (this.handoff.wantsCallback(context)) {
        await this.mainDialog.openDialog(context, this.dialogState, CALLBACK_DIALOG);
      } else if (!(await this.handoff.onMessage(context))) {
        await this.mainDialog.run(context, this.dialogState);
        await this.handoff.afterJourneys(context);
      }
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      const joined = (context.activity.membersAdded ?? []).filter(
        (m) => m.id !== context.activity.recipient?.id,
      );
      // The chat page sends a join event as it connects and is welcomed there (see join below).
      const fromChatPage = joined.length > 0 && joined.every((m) => m.id.startsWith(WEB_PAGE_USER_PREFIX));
      if (joined.length > 0 && !fromChatPage) {
        await this.services.insights.record({
          type: 'conversation_started',
          channel: context.activity.channelId,
        });
        await this.welcome(context);
      }
      await next();
    });

    this.onEvent(async (context, next) => {
      if (context.activity.name === JOIN_EVENT) await this.join(context);
      await next();
    });
  }

  async welcome(context: TurnContext): Promise<void> {
    const { conversation } = this.services.content;
    const { channelId } = context.activity;
    await context.sendActivities([
      MessageFactory.text(paragraphs(welcomeFor(conversation, channelId))),
      menuMessage(conversation, undefined, channelId),
    ]);
  }

  /**
   * The web page has connected: { journey?, source?, ...options } from its link or widget. A valid
   * journey opens after the short welcome (without the menu); anything else gets the usual welcome.
   * Values are checked against the allowlist; refused ones are dropped, and only their names logged.
   */
  private async join(context: TurnContext): Promise<void> {
    const entry = await this.channelEntry.get(context, {});
    if (entry.joined) return;
    const parsed = parseStart(context.activity.value, this.services.content);
    if (parsed.refused.length > 0) {
      this.services.logger.warn('join_values_refused', { fields: parsed.refused.join(',') });
    }
    await this.channelEntry.set(context, {
      joined: true,
      ...(parsed.source ? { source: parsed.source } : {}),
    });
    setTurnSource(context, parsed.source);
    await this.services.insights.record({
      type: 'conversation_started',
      channel: context.activity.channelId,
      ...sourceField(context),
    });
    if (!parsed.journey) {
      await this.welcome(context);
      return;
    }
    const { conversation } = this.services.content;
    await context.sendActivity(paragraphs(welcomeFor(conversation, context.activity.channelId)));
    await this.mainDialog.openJourney(context, this.dialogState, parsed.journey, { start: parsed.start });
  }

  override async run(context: TurnContext): Promise<void> {
    setTurnSource(context, (await this.channelEntry.get(context))?.source);
    setUserState(context, this.userState);
    this.handoff.prepare(context);
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
    await this.userState.saveChanges(context, false);
  }
}
