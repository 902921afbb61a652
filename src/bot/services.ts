// What dialogs and middleware may use. Built once in the composition root (src/app.ts).
import type { Config } from '../config.js';
import type { Content } from '../content/content.js';
import type { Insights } from '../insights/insights.js';
import type { HandoffService } from '../handoff/handoffService.js';
import type { Logger } from '../logger.js';
import type { BookingEmailer } from '../signups/bookingEmails.js';
import type { PromotionNotifier } from '../signups/promotionNotifier.js';
import type { Store } from '../store/store.js';
import type { Recogniser } from '../understanding/types.js';

export interface BotServices {
  config: Config;
  content: Content;
  store: Store;
  recogniser: Recogniser;
  logger: Logger;
  /** Counts for the staff insights; never personal data. */
  insights: Insights;
  /** Tells people who moved up a waiting list (its adapter is attached in buildRuntime). */
  notifier: PromotionNotifier;
  /** Talking to a person on the staff desk in Teams (its adapter is attached in buildRuntime). */
  handoff: HandoffService;
  /** Booking emails through GOV.UK Notify; absent or a no-op when not configured. */
  bookingEmails?: BookingEmailer;
  /** The current time; replaced in tests. */
  now: () => Date;
}
