// What the staff area shows from the sign-up records: places per session, and the attendee and
// volunteering-interest lists as CSV (opened only by signed-in staff, with an audit log entry).
import type { Content } from '../content/content.js';
import { CallbackService } from '../handoff/callbacks.js';
import { csv } from '../staff/csv.js';
import type { WorkshopStat } from '../staff/dashboardData.js';
import { staffLabels } from '../staff/staffLabels.js';
import type { RecordStore } from '../store/store.js';
import { SESSIONS_COLLECTION, type SessionDocument, seatsBooked, waitingEntries } from './bookingRecords.js';
import { INTERESTS_COLLECTION, type InterestRecord } from './interestService.js';

export async function workshopStats(records: RecordStore, content: Content): Promise<WorkshopStat[]> {
  return Promise.all(
    [...content.workshops.all]
      .sort((a, b) => a.start.getTime() - b.start.getTime())
      .map(async (s) => {
        const doc = await records.get<SessionDocument>(SESSIONS_COLLECTION, s.id);
        return {
          id: s.id,
          title: s.title,
          start: s.start.toISOString(),
          capacity: s.capacity,
          booked: seatsBooked(doc),
          waiting: waitingEntries(doc).length,
          cancelled: (doc?.entries ?? []).filter((e) => e.status === 'cancelled').length,
        };
      }),
  );
}

export async function attendeesCsv(
  records: RecordStore,
  content: Content,
  sessionId: string,
): Promise<string | undefined> {
  if (!content.workshops.get(sessionId)) return undefined;
  const doc = await records.get<SessionDocument>(SESSIONS_COLLECTION, sessionId);
  const active = (doc?.entries ?? []).filter((e) => e.status === 'booked' || e.status === 'waiting');
  return csv(
    ['reference', 'status', 'places', 'name', 'email', 'phone', 'booked', 'moved up from waiting list'],
    active.map((e) => [
      e.ref,
      e.status,
      e.seats,
      e.attendee?.name,
      e.attendee?.email,
      e.attendee?.phone,
      e.createdAt,
      e.promotedAt,
    ]),
  );
}

export async function interestsCsv(records: RecordStore, content: Content): Promise<string> {
  const labels = staffLabels(content);
  const rows: (string | undefined)[][] = [];
  for (const id of await records.list(INTERESTS_COLLECTION)) {
    const r = await records.get<InterestRecord>(INTERESTS_COLLECTION, id);
    if (!r) continue;
    rows.push([
      labels.ward(r.wardId),
      labels.role(r.roleId),
      r.contact.name,
      r.contact.email,
      r.contact.phone,
      r.createdAt,
    ]);
  }
  rows.sort((a, b) => String(a[5]).localeCompare(String(b[5])));
  return csv(['ward', 'role', 'name', 'email', 'phone', 'recorded'], rows);
}

/** Call-back requests left when nobody could chat (src/handoff/callbacks.ts). */
export async function callbacksCsv(records: RecordStore, content: Content): Promise<string> {
  const all = await new CallbackService(records, () => new Date(), 0).all();
  const journey = (route?: string) =>
    content.conversation.journeys.find((j) => j.route === route)?.label ?? route;
  return csv(
    ['reference', 'name', 'email', 'phone', 'message', 'was looking at', 'channel', 'asked', 'closed'],
    all.map((c) => [
      c.ref,
      c.contact.name,
      c.contact.email,
      c.contact.phone,
      c.message,
      journey(c.journey),
      c.channel,
      c.createdAt,
      c.closedAt,
    ]),
  );
}
