// Tells people who moved up from a waiting list that they now have a place, in the conversation
// they joined the list from (a proactive message). `notifyLater` sends in the background, so the
// turn of the person whose cancellation freed the place neither waits for a slow channel (the
// connector retries a failing one for seconds) nor breaks: a failure is logged by its type only,
// never thrown. The chat address is already erased from the stored entry when this runs.
import type { ConversationReference, TurnContext } from 'botbuilder';
import type { SignupMessages } from '../content/signupMessages.js';
import { describeLondonSpan } from '../content/londonTime.js';
import { fillCounted } from '../content/templates.js';
import type { Logger } from '../logger.js';
import type { PromotedBooking } from './bookingService.js';
import { conversationReferenceOf } from './chatAddress.js';

/** The one adapter method used (CloudAdapter has it; tests may stand in for it). */
export interface ProactiveAdapter {
  continueConversationAsync(
    botAppId: string,
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void>;
}

export interface PromotionNotifierOptions {
  /** The bot's Microsoft App ID ('' when running locally without one). */
  botAppId: string;
  messages: SignupMessages;
  logger: Logger;
}

export class PromotionNotifier {
  private adapter: ProactiveAdapter | undefined;
  private readonly pending = new Set<Promise<number>>();

  constructor(private readonly options: PromotionNotifierOptions) {}

  /** The adapter is made after the services (src/app.ts), so it is attached once it exists. */
  attach(adapter: ProactiveAdapter): void {
    this.adapter = adapter;
  }

  /** The message for one person who got a place. */
  message(promoted: PromotedBooking): string {
    const { session, seats, ref } = promoted;
    return fillCounted(this.options.messages.manageBooking.placeCameFree, seats, {
      seats,
      ref,
      session: session.title,
      when: describeLondonSpan(session.start, session.end),
    });
  }

  /** Starts sending the messages without waiting for them (see `idle`). */
  notifyLater(promoted: readonly PromotedBooking[]): void {
    if (!promoted.some((p) => p.chatAddress)) return;
    const sending = this.notify(promoted);
    this.pending.add(sending);
    void sending.finally(() => this.pending.delete(sending));
  }

  /** Resolves once every message started by `notifyLater` was sent or given up on. */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  /** Sends each person their message, one at a time. Resolves with how many were sent; never rejects. */
  async notify(promoted: readonly PromotedBooking[]): Promise<number> {
    const { logger, botAppId } = this.options;
    let sent = 0;
    for (const p of promoted) {
      if (!p.chatAddress) continue;
      const channel = p.chatAddress.channelId;
      if (!this.adapter) {
        logger.warn('promotion_notice_skipped', { reason: 'no_adapter', channel });
        continue;
      }
      try {
        const text = this.message(p);
        // Caught inside the turn: the adapter's onTurnError would otherwise take it, apologise to
        // this person and clear their conversation.
        let failure: unknown;
        await this.adapter.continueConversationAsync(
          botAppId,
          conversationReferenceOf(p.chatAddress),
          async (context) => {
            try {
              await context.sendActivity(text);
            } catch (error) {
              failure = error;
            }
          },
        );
        if (failure !== undefined) throw failure;
        sent += 1;
        logger.info('promotion_notice_sent', { channel });
      } catch (error) {
        // The error's message may quote the address or the service's reply: only its type is logged.
        const errorType = error instanceof Error ? error.name : typeof error;
        logger.warn('promotion_notice_failed', { errorType, channel });
      }
    }
    return sent;
  }
}
