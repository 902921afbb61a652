// Cards for the workshop journey: the sessions to choose from, seats and the confirmation, in the
// words of knowledge/signupMessages.yaml (workshop). Each card has a plain-text fallback for
// channels that cannot show cards.
import { type Activity, type Attachment } from 'botbuilder';
import {
  adaptiveCard,
  cardMessage,
  labelledFacts,
  numberedHeading,
  type CardElement,
} from '../cards/cards.js';
import { describeLondonSpan } from '../content/londonTime.js';
import type { WorkshopMessages } from '../content/signupMessages.js';
import { fillCounted, fillTemplate } from '../content/templates.js';
import type { WorkshopSession } from '../content/workshops.js';
import type { SessionAvailability } from './bookingService.js';
import { calendarFile, calendarFileName, calendarPath } from './calendar.js';

type SessionListWords = WorkshopMessages['sessionList'];

function whereText(s: WorkshopSession, words: SessionListWords): string {
  return s.format === 'online' ? s.venue.name : fillTemplate(words.inPerson, { venue: s.venue.name });
}

function audienceText(s: WorkshopSession, words: SessionListWords): string {
  return s.audience === 'partners' ? words.forPartners : words.forCommunity;
}

export function describeSession(session: WorkshopSession): string {
  return `${session.title}, ${describeLondonSpan(session.start, session.end)}, ${session.venue.name}`;
}

function placesText(a: SessionAvailability, words: SessionListWords): string {
  if (a.state === 'full') return a.waitingListFull ? words.fullNoWaitingList : words.full;
  return fillCounted(words.placesLeft, a.seatsLeft, { left: a.seatsLeft });
}

export function sessionsMessage(
  offered: SessionAvailability[],
  intro: string,
  words: SessionListWords,
  channelId?: string,
): Partial<Activity> {
  const body: Record<string, unknown>[] = [{ type: 'TextBlock', text: intro, wrap: true }];
  const lines: string[] = [intro];
  offered.forEach((a, i) => {
    const s = a.session;
    const number = i + 1;
    const where = whereText(s, words);
    const audience = audienceText(s, words);
    const places = placesText(a, words);
    body.push({
      type: 'Container',
      separator: true,
      items: [
        { type: 'TextBlock', text: numberedHeading(number, s.title), weight: 'Bolder', wrap: true },
        { type: 'TextBlock', text: describeLondonSpan(s.start, s.end), wrap: true, spacing: 'None' },
        { type: 'TextBlock', text: `${where}. ${audience}.`, wrap: true, spacing: 'None' },
        { type: 'TextBlock', text: places, wrap: true, spacing: 'None', isSubtle: true },
        // A session whose waiting list is full too has nothing to press.
        ...(a.waitingListFull
          ? []
          : [
              {
                type: 'ActionSet',
                actions: [
                  {
                    type: 'Action.Submit',
                    title: fillTemplate(a.state === 'full' ? words.joinWaitingList : words.choose, {
                      number,
                    }),
                    data: { action: 'workshop.session', sessionId: s.id },
                  },
                ],
              },
            ]),
      ],
    });
    lines.push(
      `${number}. ${s.title} - ${describeLondonSpan(s.start, s.end)} - ${where} - ${audience} - ${places}`,
    );
  });
  lines.push(words.typeHint);
  return cardMessage(adaptiveCard(body, undefined, lines.join('\n\n')), channelId);
}

/** The question how many places, with a button for each number allowed. */
export function seatsMessage(question: string, max: number, channelId?: string): Partial<Activity> {
  const actions = Array.from({ length: max }, (_, i) => ({
    type: 'Action.Submit',
    title: String(i + 1),
    data: { action: 'workshop.seats', seats: i + 1 },
  }));
  return cardMessage(
    adaptiveCard([{ type: 'TextBlock', text: question, wrap: true }], actions, question),
    channelId,
  );
}

function icsAttachment(session: WorkshopSession, ref: string): Attachment {
  const ics = calendarFile(session, ref);
  return {
    contentType: 'text/calendar',
    name: calendarFileName(ref),
    contentUrl: `data:text/calendar;base64,${Buffer.from(ics, 'utf8').toString('base64')}`,
  };
}

/** The channels whose page can print a card: Direct Line is the web chat page and the widget. */
const PRINTING_CHANNELS = new Set(['directline', 'webchat']);
/** What the print button sends; web/chat.js answers it in the browser. */
export const PRINT_ACTION = { action: 'page.print' } as const;

export interface ConfirmationDetails {
  ref: string;
  session: WorkshopSession;
  seats: number;
  /** A new booking, or one moved to another session. */
  kind: 'booked' | 'moved';
  /** The service's public address (PUBLIC_URL), for the "Add to calendar" link; none locally. */
  publicUrl?: string;
}

/** The booking confirmation: reference, session, places, how to cancel, and the calendar file. */
export function confirmationMessage(
  d: ConfirmationDetails,
  words: WorkshopMessages,
  channelId?: string,
): Partial<Activity> {
  const w = words.confirmation;
  const heading = w[d.kind];
  const reference = fillTemplate(w.reference, { ref: d.ref });
  const when = describeLondonSpan(d.session.start, d.session.end);
  const where = [d.session.venue.name, d.session.venue.address].filter(Boolean).join(', ');
  const places = fillCounted(words.places, d.seats, { seats: d.seats });
  const body: CardElement[] = [
    { type: 'TextBlock', text: heading, weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', text: reference, weight: 'Bolder', wrap: true },
    ...labelledFacts([
      { title: w.session, value: d.session.title },
      { title: w.when, value: when },
      { title: w.where, value: where },
      { title: w.places, value: places },
    ]),
  ];
  // Teams does not open a file attached as data, so there the calendar comes from the service's
  // own address instead (GET /calendar/<session>.ics). Other channels get both.
  const calendarUrl = d.publicUrl && new URL(calendarPath(d.session.id), d.publicUrl).toString();
  const attachFile = channelId !== 'msteams' || !calendarUrl;
  body.push(
    { type: 'TextBlock', text: attachFile ? w.calendar : w.calendarLink, wrap: true },
    { type: 'TextBlock', text: w.keep, wrap: true },
  );
  const actions: Record<string, unknown>[] = calendarUrl
    ? [{ type: 'Action.OpenUrl', title: w.addToCalendar, url: calendarUrl }]
    : [];
  // The web chat page prints the card itself (web/chat.js); the press never reaches the bot.
  if (PRINTING_CHANNELS.has(channelId ?? ''))
    actions.push({ type: 'Action.Submit', title: w.print, data: PRINT_ACTION });
  const fallback = [heading, reference, d.session.title, when, where, places, calendarUrl, w.keep]
    .filter(Boolean)
    .join('\n\n');
  const message = cardMessage(adaptiveCard(body, actions, fallback), channelId);
  if (!attachFile) return message;
  return { ...message, attachments: [...(message.attachments ?? []), icsAttachment(d.session, d.ref)] };
}
