// How workshop bookings are stored: ONE document per session (collection "workshop-sessions"),
// holding every booking and waiting-list entry for it in arrival order. Because the store's
// `update` is atomic and serialised per document, every decision that must not race (is there a
// seat? is this a repeat of a submission we have already written? who moves up the waiting
// list?) is made inside a single `update` of a single document.
//
// Personal details sit in `attendee` and are erased when a booking is cancelled or moved, and by
// `purgeExpired` once the session is the configured number of days (RETENTION_DAYS) in the past.
// A waiting-list entry may also hold `chatAddress` (chatAddress.ts), to tell the person when a
// place comes free: it is erased with `attendee`, and as soon as the entry moves up the list.
import { z } from 'zod';
import { type ChatAddress, chatAddressSchema, readChatAddress } from './chatAddress.js';

export const SESSIONS_COLLECTION = 'workshop-sessions';
/** Used when no retention period is configured; the same default as the RETENTION_DAYS setting. */
export const DEFAULT_RETENTION_DAYS = 90;

export const attendeeSchema = z
  .object({ name: z.string().min(1), email: z.string().min(3), phone: z.string().optional() })
  .strict();

export const entrySchema = z
  .object({
    ref: z.string().regex(/^HC-[A-Z2-9]{5}-[A-Z2-9]{5}$/),
    seats: z.number().int().min(1),
    status: z.enum(['booked', 'waiting', 'cancelled', 'moved']),
    attendee: attendeeSchema.optional(),
    /** Only on waiting entries: where to tell the person that a place came free. */
    chatAddress: chatAddressSchema.optional(),
    /** Hash of the client's submission key: a repeated submission finds its first result here. */
    submission: z.string().min(8),
    createdAt: z.string(),
    updatedAt: z.string(),
    promotedAt: z.string().optional(),
    movedFrom: z.string().optional(),
    movedTo: z.string().optional(),
  })
  .strict();

export const sessionDocumentSchema = z
  .object({ sessionId: z.string(), version: z.literal(1), entries: z.array(entrySchema) })
  .strict();

export type Attendee = z.infer<typeof attendeeSchema>;
export type Entry = z.infer<typeof entrySchema>;
export type SessionDocument = z.infer<typeof sessionDocumentSchema>;

export function emptyDocument(sessionId: string): SessionDocument {
  return { sessionId, version: 1, entries: [] };
}

export function seatsBooked(doc: SessionDocument | undefined): number {
  return (doc?.entries ?? []).reduce((sum, e) => (e.status === 'booked' ? sum + e.seats : sum), 0);
}

export function waitingEntries(doc: SessionDocument | undefined): Entry[] {
  return (doc?.entries ?? []).filter((e) => e.status === 'waiting');
}

export function isActive(entry: Entry): boolean {
  return entry.status === 'booked' || entry.status === 'waiting';
}

/** The entry without the personal data it holds (its details and its chat's address). */
export function withoutPersonalData(entry: Entry): Entry {
  const { attendee: _attendee, chatAddress: _chatAddress, ...rest } = entry;
  return rest;
}

export function holdsPersonalData(entry: Entry): boolean {
  return entry.attendee !== undefined || entry.chatAddress !== undefined;
}

/** An entry that moved up the waiting list, and where to tell the person (if we can). */
export interface Promotion {
  ref: string;
  seats: number;
  chatAddress?: ChatAddress;
}

/**
 * Offers free seats to the waiting list in order of joining. An entry that needs more seats than
 * are free keeps its place, and the next one that fits is offered the seats instead (so seats are
 * not left empty behind a large group). Returns the entries that moved up; their chat addresses
 * leave the stored entry and go with the result (checked again, as stored data can be anything).
 */
export function promoteWaiting(entries: Entry[], capacity: number, nowIso: string): Promotion[] {
  let free = capacity - entries.reduce((sum, e) => (e.status === 'booked' ? sum + e.seats : sum), 0);
  const promoted: Promotion[] = [];
  for (let i = 0; i < entries.length && free > 0; i++) {
    const e = entries[i];
    if (e.status !== 'waiting' || e.seats > free) continue;
    const { chatAddress, ...rest } = e;
    entries[i] = { ...rest, status: 'booked', promotedAt: nowIso, updatedAt: nowIso };
    free -= e.seats;
    const address = readChatAddress(chatAddress);
    promoted.push({ ref: e.ref, seats: e.seats, ...(address ? { chatAddress: address } : {}) });
  }
  return promoted;
}
