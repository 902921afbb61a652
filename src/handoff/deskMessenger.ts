// Sends the hand-off's proactive messages through the adapter: to the desk (a new post for a
// request, replies in its thread) and to the resident's own chat (over the local Direct Line this
// reaches the chat page's WebSocket). Failures are logged by type only and never thrown into the
// turn of whoever caused the message: the other side's channel being down must not break theirs.
import { CardFactory, EventFactory, type Activity, type TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../cards/cards.js';
import type { Logger } from '../logger.js';
import { conversationReferenceOf, type ChatAddress } from '../signups/chatAddress.js';
import type { ProactiveAdapter } from '../signups/promotionNotifier.js';
import type { DeskAddress } from './handoffRecords.js';

function deskReference(desk: DeskAddress, conversationId: string) {
  return {
    channelId: desk.channelId,
    serviceUrl: desk.serviceUrl,
    conversation: {
      id: conversationId,
      isGroup: true,
      conversationType: 'channel',
      name: '',
      ...(desk.tenantId ? { tenantId: desk.tenantId } : {}),
    },
    bot: { id: desk.botId, name: '' },
  };
}

export type HandoffStatusState = 'accepted' | 'completed' | 'failed';

export class DeskMessenger {
  private adapter: ProactiveAdapter | undefined;

  constructor(
    private readonly botAppId: string,
    private readonly logger: Logger,
  ) {}

  attach(adapter: ProactiveAdapter): void {
    this.adapter = adapter;
  }

  /** Posts a card as a new message in the desk channel; resolves with its activity id. */
  async postCard(desk: DeskAddress, card: AdaptiveCard): Promise<string | undefined> {
    let id: string | undefined;
    await this.send('desk', deskReference(desk, desk.conversationId), async (context) => {
      id = (await context.sendActivity({ type: 'message', attachments: [CardFactory.adaptiveCard(card)] }))
        ?.id;
    });
    return id;
  }

  /** A plain-text reply in a thread on the desk (the conversation id ends ;messageid=<card id>). */
  async toThread(desk: DeskAddress, threadId: string, text: string): Promise<boolean> {
    return this.send('desk', deskReference(desk, threadId), async (context) => {
      await context.sendActivity({ type: 'message', text, textFormat: 'plain' });
    });
  }

  /** Messages (and optionally a hand-off status event) in the resident's own chat. */
  async toResident(
    resident: ChatAddress,
    activities: Partial<Activity>[],
    status?: { state: HandoffStatusState; message?: string },
  ): Promise<boolean> {
    return this.send('resident', conversationReferenceOf(resident), async (context) => {
      if (status) {
        const event = EventFactory.createHandoffStatus(
          context.activity.conversation,
          status.state,
          status.message,
        );
        await context.sendActivity(event);
      }
      if (activities.length) await context.sendActivities(activities);
    });
  }

  private async send(
    to: 'desk' | 'resident',
    reference: Parameters<ProactiveAdapter['continueConversationAsync']>[1],
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<boolean> {
    if (!this.adapter) {
      this.logger.warn('handoff_message_skipped', { to, reason: 'no_adapter' });
      return false;
    }
    let failure: unknown;
    try {
      // Caught inside the turn: the adapter's onTurnError would otherwise apologise to the other
      // side and clear their conversation.
      await this.adapter.continueConversationAsync(this.botAppId, reference, async (context) => {
        try {
          await logic(context);
        } catch (error) {
          failure = error;
        }
      });
    } catch (error) {
      failure = error;
    }
    if (failure === undefined) return true;
    const errorType = failure instanceof Error ? failure.name : typeof failure;
    this.logger.warn('handoff_message_failed', { to, errorType });
    return false;
  }
}
