// Cards for the workshop journey: the sessions to choose from, seats, consent and the
// confirmation. Each card has a plain-text fallback for channels that cannot show cards.
import { type Activity, type Attachment } from 'botbuilder';
import { adaptiveCard, cardMessage } from '../cards/cards.js';
import { describeLondonSpan } from '../content/londonTime.js';
import type { WorkshopSession } from '../content/workshops.js';
import type { SessionAvailability } from './bookingService.js';
import { calendarFile, calendarFileName } from './calendar.js';

const AUDIENCE = {
  community: 'For residents and community groups',
  partners: 'For staff of partner agencies',
};
function whereText(s: WorkshopSession): string {
  return s.format === 'online' ? s.venue.name : `In person at ${s.venue.name}`;
}

export function describeSession(session: WorkshopSession): string {
  return `${session.title}, ${describeLondonSpan(session.start, session.end)}, ${session.venue.name}`;
}

function placesText(a: SessionAvailability): string {
  if (a.state === 'full') return 'Full: you can join the waiting list';
  return a.seatsLeft === 1 ? '1 place left' : `${a.seatsLeft} places left`;
}

export function sessionsMessage(
  offered: SessionAvailability[],
  intro: string,
  channelId?: string,
): Partial<Activity> {
  const body: Record<string, unknown>[] = [{ type: 'TextBlock', text: intro, wrap: true }];
  const lines: string[] = [intro];
  offered.forEach((a, i) => {
    const s = a.session;
    body.push({
      type: 'Container',
      separator: true,
      items: [
        { type: 'TextBlock', text: `${i + 1}. ${s.title}`, weight: 'Bolder', wrap: true },
        { type: 'TextBlock', text: describeLondonSpan(s.start, s.end), wrap: true, spacing: 'None' },
        {
          type: 'TextBlock',
          text: `${whereText(s)}. ${AUDIENCE[s.audience]}.`,
          wrap: true,
          spacing: 'None',
        },
        { type: 'TextBlock', text: placesText(a), wrap: true, spacing: 'None', isSubtle: true },
        {
          type: 'ActionSet',
          actions: [
            {
              type: 'Action.Submit',
              title: a.state === 'full' ? `Join waiting list for ${i + 1}` : `Choose ${i + 1}`,
              data: { action: 'workshop.session', sessionId: s.id },
            },
          ],
        },
      ],
    });
    lines.push(
      `${i + 1}. ${s.title} - ${describeLondonSpan(s.start, s.end)} - ${whereText(s)} - ${AUDIENCE[s.audience]} - ${placesText(a)}`,
    );
  });
  lines.push('Type the number of the session you want.');
  return cardMessage(adaptiveCard(body, undefined, lines.join('\n\n')), channelId);
}

export function seatsMessage(max: number, channelId?: string): Partial<Activity> {
  const text = `How many places would you like? You can book from 1 to ${max}.`;
  const actions = Array.from({ length: max }, (_, i) => ({
    type: 'Action.Submit',
    title: String(i + 1),
    data: { action: 'workshop.seats', seats: i + 1 },
  }));
  return cardMessage(adaptiveCard([{ type: 'TextBlock', text, wrap: true }], actions, text), channelId);
}

export function consentMessage(notice: string[], question: string, channelId?: string): Partial<Activity> {
  const body = [
    ...notice.map((p) => ({ type: 'TextBlock', text: p, wrap: true })),
    { type: 'TextBlock', text: question, wrap: true, weight: 'Bolder' },
  ];
  const actions = [
    { type: 'Action.Submit', title: 'Yes, I agree', data: { action: 'signup.consent', consent: true } },
    { type: 'Action.Submit', title: 'No', data: { action: 'signup.consent', consent: false } },
  ];
  return cardMessage(
    adaptiveCard(body, actions, [...notice, `${question} (yes or no)`].join('\n\n')),
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

export interface ConfirmationDetails {
  ref: string;
  session: WorkshopSession;
  seats: number;
  heading: string;
}

/** The booking confirmation: reference, session, places, how to cancel, and the calendar file. */
export function confirmationMessage(d: ConfirmationDetails, channelId?: string): Partial<Activity> {
  const when = describeLondonSpan(d.session.start, d.session.end);
  const where = [d.session.venue.name, d.session.venue.address].filter(Boolean).join(', ');
  const places = d.seats === 1 ? '1 place' : `${d.seats} places`;
  const keep = 'Keep your reference. To cancel or change your booking, tell me "manage my workshop booking".';
  const body = [
    { type: 'TextBlock', text: d.heading, weight: 'Bolder', size: 'Medium', wrap: true },
    { type: 'TextBlock', text: `Your reference: ${d.ref}`, weight: 'Bolder', wrap: true },
    {
      type: 'FactSet',
      facts: [
        { title: 'Session', value: d.session.title },
        { title: 'When', value: when },
        { title: 'Where', value: where },
        { title: 'Places', value: places },
      ],
    },
    {
      type: 'TextBlock',
      text: 'The calendar file is attached, so you can add it to your calendar.',
      wrap: true,
    },
    { type: 'TextBlock', text: keep, wrap: true },
  ];
  const fallback = [d.heading, `Your reference: ${d.ref}`, d.session.title, when, where, places, keep].join(
    '\n\n',
  );
  const message = cardMessage(adaptiveCard(body, undefined, fallback), channelId);
  return { ...message, attachments: [...(message.attachments ?? []), icsAttachment(d.session, d.ref)] };
}
