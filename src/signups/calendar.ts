// The .ics calendar file sent with a confirmed booking. Times are written in UTC, so every
// calendar app shows them in the reader's own time zone, GMT or BST alike.
import { createEvent, type DateArray } from 'ics';
import type { WorkshopSession } from '../content/workshops.js';

function utcArray(d: Date): DateArray {
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
}

/**
 * The calendar file for a session: with a booking reference when sent in the chat, without one when
 * fetched from the service's /calendar address. It never names the person.
 */
export function calendarFile(session: WorkshopSession, ref?: string): string {
  const covers = `This session covers:\n${session.covers.map((c) => `- ${c}`).join('\n')}`;
  const { error, value } = createEvent({
    uid: `${(ref ?? session.id).toLowerCase()}@workshops.saferkingston`,
    title: session.title,
    description: ref ? `Your booking reference: ${ref}\n\n${covers}` : covers,
    location: [session.venue.name, session.venue.address].filter(Boolean).join(', '),
    start: utcArray(session.start),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: utcArray(session.end),
    endInputType: 'utc',
    endOutputType: 'utc',
    status: 'CONFIRMED',
    productId: 'safer-kingston/workshops',
    calName: 'Safer Kingston workshops',
  });
  if (error || !value) throw new Error(`Could not make the calendar file: ${error?.message ?? 'no output'}`);
  return value;
}

/** A file name for the attachment, e.g. "hate-crime-workshop-HC-7KQ4M-2XD9P.ics". */
export function calendarFileName(ref: string): string {
  return `hate-crime-workshop-${ref}.ics`;
}

/** Where the service serves a session's calendar file (GET /calendar/<session id>.ics). */
export function calendarPath(sessionId: string): string {
  return `/calendar/${encodeURIComponent(sessionId)}.ics`;
}
