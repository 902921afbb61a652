// Emails about workshop bookings (the confirmation with its calendar link, a move, joining the
// waiting list, a place coming free, a cancellation), sent through GOV.UK Notify when the
// partnership configures it (NOTIFY_API_KEY and a template per kind; see src/config.ts), and not at
// all otherwise. Sending happens in the background: a booking never waits for Notify nor fails
// because of it. A failure is logged by its kind and HTTP status only: never the address, the
// name or the reference. What each email says lives in the Notify templates; the service fills
// in the details below (the templates' ((placeholders))).
import { NotifyClient } from 'notifications-node-client';
import type { Config } from '../config.js';
import { describeLondonSpan } from '../content/londonTime.js';
import type { WorkshopSession } from '../content/workshops.js';
import type { Logger } from '../logger.js';
import { calendarPath } from './calendar.js';

export const BOOKING_EMAIL_KINDS = ['booked', 'moved', 'waiting', 'promoted', 'cancelled'] as const;
export type BookingEmailKind = (typeof BOOKING_EMAIL_KINDS)[number];

export interface BookingEmail {
  kind: BookingEmailKind;
  email: string;
  ref: string;
  session: WorkshopSession;
  seats: number;
}

/** What the booking code tells; `idle` is for shutting down and for tests. */
export interface BookingEmailer {
  send(email: BookingEmail): void;
  idle(): Promise<void>;
}

/** When email is not configured: nothing is sent. */
export const noBookingEmails: BookingEmailer = {
  send: () => undefined,
  idle: async () => undefined,
};

export interface NotifySettings {
  apiKey: string;
  /** Notify's API address; a local stand-in in tests. */
  baseUrl: string;
  /** A Notify template id per kind; a kind without one is not emailed. */
  templates: Partial<Record<BookingEmailKind, string>>;
  /** For the calendar link (PUBLIC_URL/calendar/<session>.ics); without it the link is left empty. */
  publicUrl?: string;
}

/** The placeholders every template may use. */
export function personalisation(email: BookingEmail, publicUrl?: string): Record<string, string> {
  const { session } = email;
  return {
    reference: email.ref,
    session: session.title,
    when: describeLondonSpan(session.start, session.end),
    where: [session.venue.name, session.venue.address].filter(Boolean).join(', '),
    places: String(email.seats),
    calendar_link: publicUrl ? new URL(calendarPath(session.id), publicUrl).toString() : '',
  };
}

export class NotifyBookingEmailer implements BookingEmailer {
  private readonly client: NotifyClient;
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly settings: NotifySettings,
    private readonly logger: Logger,
  ) {
    this.client = new NotifyClient(settings.baseUrl, settings.apiKey);
  }

  send(email: BookingEmail): void {
    const template = this.settings.templates[email.kind];
    if (!template) return;
    const sending = this.client
      .sendEmail(template, email.email, { personalisation: personalisation(email, this.settings.publicUrl) })
      .then(
        () => this.logger.info('booking_email_sent', { kind: email.kind }),
        (error: { response?: { status?: number } }) =>
          this.logger.warn('booking_email_failed', { kind: email.kind, status: error.response?.status ?? 0 }),
      );
    this.pending.add(sending);
    void sending.finally(() => this.pending.delete(sending));
  }

  async idle(): Promise<void> {
    await Promise.all([...this.pending]);
  }
}

/** The emailer the settings ask for: Notify when NOTIFY_API_KEY is set, otherwise none. */
export function bookingEmailerFor(config: Config, logger: Logger): BookingEmailer {
  if (!config.NOTIFY_API_KEY) return noBookingEmails;
  return new NotifyBookingEmailer(
    {
      apiKey: config.NOTIFY_API_KEY,
      baseUrl: config.NOTIFY_BASE_URL,
      publicUrl: config.PUBLIC_URL,
      templates: {
        booked: config.NOTIFY_TEMPLATE_BOOKED,
        moved: config.NOTIFY_TEMPLATE_MOVED,
        waiting: config.NOTIFY_TEMPLATE_WAITING,
        promoted: config.NOTIFY_TEMPLATE_PROMOTED,
        cancelled: config.NOTIFY_TEMPLATE_CANCELLED,
      },
    },
    logger,
  );
}
