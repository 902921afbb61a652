// The .ics calendar file sent with a confirmed booking. Times are written in UTC, so every
// calendar app shows them in the reader's own time zone, GMT or BST alike.
import { createEvent, type DateArray } from 'ics';
import type { WorkshopSession } from '../content/workshops.js';

function utcArray(d: Date): DateArray {
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
}

/** The calendar file for one booking; it names the session and reference, never the person. */
export function calendarFile(session: WorkshopSession, ref: string): string {
  const { error, value } = createEvent({
    uid: `${ref.toLowerCase()}@workshops.saferkingston`,
    title: session.title,
    description: `Your booking reference: ${ref}\n\nThis session covers:\n${session.covers.map((c) => `- ${c}`).join('\n')}`,
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
