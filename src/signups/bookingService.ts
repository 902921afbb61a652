// Workshop bookings: book, join the waiting list, look up, cancel and move, over the RecordStore.
// Every decision is made inside one atomic `update` of the session's document (see
// bookingRecords.ts). A booking is reported only after `update` resolved, i.e. after it was written.
import { waitingListPlaces, type WorkshopCatalogue, type WorkshopSession } from '../content/workshops.js';
import type { RecordStore } from '../store/store.js';
import {
  type Attendee,
  type Entry,
  type Promotion,
  type SessionDocument,
  DEFAULT_RETENTION_DAYS,
  SESSIONS_COLLECTION,
  emptyDocument,
  holdsPersonalData,
  isActive,
  promoteWaiting,
  seatsBooked,
  waitingEntries,
  withoutPersonalData,
} from './bookingRecords.js';
import type { ChatAddress } from './chatAddress.js';
import { noBookingEmails, type BookingEmailer, type BookingEmailKind } from './bookingEmails.js';
import { sameEmail } from './contactDetails.js';
import { hashKey, newReference } from './references.js';

export type SessionState = 'open' | 'full' | 'past';

export interface SessionAvailability {
  session: WorkshopSession;
  state: SessionState;
  seatsLeft: number;
  waiting: number;
  /** The session is full and its waiting list has no room for even one more place. */
  waitingListFull: boolean;
}

export interface BookingRequest {
  sessionId: string;
  seats: number;
  attendee: Attendee;
  /** Chosen by the client once per submission: a repeat with the same key returns the first result. */
  submissionKey: string;
  /** When there are not enough seats: join the waiting list (true) or write nothing (false). */
  waitingListOk: boolean;
  /** The conversation the request came from: kept only if the request joins the waiting list. */
  chatAddress?: ChatAddress;
}

/** A waiting-list entry that got its places: what is needed to tell the person. */
export interface PromotedBooking extends Promotion {
  session: WorkshopSession;
}

export type BookingOutcome =
  | { outcome: 'booked'; ref: string; seats: number; session: WorkshopSession; repeated: boolean }
  | {
      outcome: 'waiting';
      ref: string;
      seats: number;
      position: number;
      session: WorkshopSession;
      repeated: boolean;
    }
  | { outcome: 'already-booked'; ref: string; status: 'booked' | 'waiting'; session: WorkshopSession }
  | { outcome: 'not-enough-seats'; seatsLeft: number; session: WorkshopSession }
  | { outcome: 'waiting-list-full'; session: WorkshopSession }
  | { outcome: 'too-many-seats'; max: number; session: WorkshopSession }
  | { outcome: 'closed'; reason: 'unknown' | 'past' };

export interface FoundBooking {
  ref: string;
  session: WorkshopSession;
  status: 'booked' | 'waiting';
  seats: number;
  /** Place on the waiting list (1 = next), when waiting. */
  position?: number;
  promoted: boolean;
}

export type CancelOutcome =
  | {
      outcome: 'cancelled';
      ref: string;
      session: WorkshopSession;
      seats: number;
      promoted: PromotedBooking[];
    }
  | { outcome: 'not-found' }
  | { outcome: 'past'; session: WorkshopSession };

export type MoveOutcome =
  | {
      outcome: 'moved';
      ref: string;
      from: WorkshopSession;
      to: WorkshopSession;
      status: 'booked' | 'waiting';
      position?: number;
      seats: number;
      /** Waiting-list entries of the old session that the freed places went to. */
      promoted: PromotedBooking[];
    }
  | { outcome: 'not-found' }
  | { outcome: 'same-session' }
  | { outcome: 'closed'; reason: 'unknown' | 'past' }
  | { outcome: 'not-enough-seats'; seatsLeft: number; session: WorkshopSession }
  | { outcome: 'waiting-list-full'; session: WorkshopSession }
  | { outcome: 'too-many-seats'; max: number; session: WorkshopSession };

export interface EraseOutcome {
  erased: boolean;
  /** Waiting-list entries that the freed places went to (a future booking is cancelled). */
  promoted: PromotedBooking[];
}

type Clock = () => Date;

export class BookingService {
  constructor(
    private readonly records: RecordStore,
    private readonly catalogue: WorkshopCatalogue,
    private readonly now: Clock,
    /** Days after a session ends before personal details are erased. */
    private readonly retentionDays: number = DEFAULT_RETENTION_DAYS,
    private readonly makeReference: () => string = () => newReference('HC'),
    /** Emails about bookings (GOV.UK Notify), when the partnership has turned them on. */
    private readonly emails: BookingEmailer = noBookingEmails,
  ) {}

  /** Tells the emailer about a fresh booking, a move or a cancellation, and who moved up. */
  private async emailAbout(
    kind: BookingEmailKind,
    email: string,
    booking: { ref: string; session: WorkshopSession; seats: number },
    promoted: readonly PromotedBooking[] = [],
    promotedFrom?: WorkshopSession,
  ): Promise<void> {
    this.emails.send({ kind, email, ref: booking.ref, session: booking.session, seats: booking.seats });
    if (promotedFrom) await this.emailPromoted(promoted, promotedFrom);
  }

  /** Emails each person who moved up the waiting list (their address is in the stored entry). */
  private async emailPromoted(promoted: readonly PromotedBooking[], from: WorkshopSession): Promise<void> {
    if (promoted.length === 0) return;
    const doc = await this.read(from.id);
    for (const p of promoted) {
      const email = doc?.entries.find((e) => e.ref === p.ref)?.attendee?.email;
      if (email)
        this.emails.send({ kind: 'promoted', email, ref: p.ref, session: p.session, seats: p.seats });
    }
  }

  private stateOf(session: WorkshopSession, doc: SessionDocument | undefined): SessionAvailability {
    const seatsLeft = Math.max(0, session.capacity - seatsBooked(doc));
    const past = session.start.getTime() <= this.now().getTime();
    return {
      session,
      state: past ? 'past' : seatsLeft === 0 ? 'full' : 'open',
      seatsLeft,
      waiting: waitingEntries(doc).length,
      waitingListFull: seatsLeft === 0 && !waitingListHas(doc ?? emptyDocument(session.id), session, 1),
    };
  }

  private read(sessionId: string): Promise<SessionDocument | undefined> {
    return this.records.get<SessionDocument>(SESSIONS_COLLECTION, sessionId);
  }

  async availability(sessionId: string): Promise<SessionAvailability | undefined> {
    const session = this.catalogue.get(sessionId);
    return session && this.stateOf(session, await this.read(sessionId));
  }

  /** Sessions still to come, soonest first, each open or full (full ones offer the waiting list). */
  async upcoming(): Promise<SessionAvailability[]> {
    const sessions = this.catalogue.upcoming(this.now());
    return Promise.all(sessions.map(async (s) => this.stateOf(s, await this.read(s.id))));
  }

  async book(request: BookingRequest): Promise<BookingOutcome> {
    const outcome = await this.place(request);
    if ((outcome.outcome === 'booked' || outcome.outcome === 'waiting') && !outcome.repeated)
      await this.emailAbout(outcome.outcome, request.attendee.email, outcome);
    return outcome;
  }

  private async place(request: BookingRequest): Promise<BookingOutcome> {
    const session = this.catalogue.get(request.sessionId);
    if (!session) return { outcome: 'closed', reason: 'unknown' };
    if (!Number.isInteger(request.seats) || request.seats < 1 || request.seats > session.maxSeatsPerBooking)
      return { outcome: 'too-many-seats', max: session.maxSeatsPerBooking, session };
    const submission = submissionOf(request);
    for (;;) {
      const ref = this.makeReference();
      const nowIso = this.now().toISOString();
      const past = session.start.getTime() <= this.now().getTime();
      const result = await this.records.update<SessionDocument, BookingOutcome | 'ref-taken'>(
        SESSIONS_COLLECTION,
        session.id,
        (current) => {
          const doc = current ?? emptyDocument(session.id);
          const unchanged = { value: current, result: undefined };
          const repeat = doc.entries.find((e) => e.submission === submission);
          if (repeat) return { ...unchanged, result: describeRepeat(doc, repeat, session) };
          if (past) return { ...unchanged, result: { outcome: 'closed', reason: 'past' } };
          const mine = doc.entries.find(
            (e) => isActive(e) && e.attendee && sameEmail(e.attendee.email, request.attendee.email),
          );
          if (mine)
            return {
              ...unchanged,
              result: {
                outcome: 'already-booked',
                ref: mine.ref,
                status: mine.status as 'booked' | 'waiting',
                session,
              },
            };
          if (doc.entries.some((e) => e.ref === ref)) return { ...unchanged, result: 'ref-taken' };
          const seatsLeft = session.capacity - seatsBooked(doc);
          const fits = request.seats <= seatsLeft;
          if (!fits && !request.waitingListOk)
            return {
              ...unchanged,
              result: { outcome: 'not-enough-seats', seatsLeft: Math.max(0, seatsLeft), session },
            };
          if (!fits && !waitingListHas(doc, session, request.seats))
            return { ...unchanged, result: { outcome: 'waiting-list-full', session } };
          const entry: Entry = {
            ref,
            seats: request.seats,
            status: fits ? 'booked' : 'waiting',
            attendee: request.attendee,
            ...(!fits && request.chatAddress ? { chatAddress: request.chatAddress } : {}),
            submission,
            createdAt: nowIso,
            updatedAt: nowIso,
          };
          const entries = [...doc.entries, entry];
          const value: SessionDocument = { ...doc, entries };
          return { value, result: describeRepeat(value, entry, session, false) };
        },
      );
      if (result !== 'ref-taken') return result;
    }
  }

  /** The active booking with this reference, if the email matches the one it was made with. */
  async find(ref: string, email: string): Promise<FoundBooking | undefined> {
    const located = await this.locate(ref, email);
    if (!located) return undefined;
    const { session, doc, entry } = located;
    return {
      ref,
      session,
      status: entry.status as 'booked' | 'waiting',
      seats: entry.seats,
      position: entry.status === 'waiting' ? waitingEntries(doc).indexOf(entry) + 1 : undefined,
      promoted: Boolean(entry.promotedAt),
    };
  }

  /**
   * Finds where a reference lives. A move writes the new session first and the old one second; if
   * a crash fell between the two, the reference is active in both, and finishing the move here
   * repairs it.
   */
  private async locate(
    ref: string,
    email: string,
  ): Promise<{ session: WorkshopSession; doc: SessionDocument; entry: Entry } | undefined> {
    const found: { session: WorkshopSession; doc: SessionDocument; entry: Entry }[] = [];
    for (const session of this.catalogue.all) {
      const doc = await this.read(session.id);
      const entry = doc?.entries.find((e) => e.ref === ref && isActive(e));
      if (doc && entry?.attendee && sameEmail(entry.attendee.email, email))
        found.push({ session, doc, entry });
    }
    if (found.length <= 1) return found[0];
    const newest = found.find((f) => f.entry.movedFrom) ?? found[found.length - 1];
    for (const stale of found.filter((f) => f !== newest))
      await this.retire(stale.session, ref, 'moved', newest.session.id);
    return newest;
  }

  /** Marks an entry cancelled or moved, erases its personal data, and moves the waiting list up. */
  private async retire(
    session: WorkshopSession,
    ref: string,
    status: 'cancelled' | 'moved',
    movedTo?: string,
  ): Promise<PromotedBooking[] | undefined> {
    const nowIso = this.now().toISOString();
    const promoted = await this.records.update<SessionDocument, Promotion[] | undefined>(
      SESSIONS_COLLECTION,
      session.id,
      (current) => {
        const index = current?.entries.findIndex((e) => e.ref === ref && isActive(e)) ?? -1;
        if (!current || index < 0) return { value: current, result: undefined };
        const entries = [...current.entries];
        const rest = withoutPersonalData(entries[index]);
        entries[index] = { ...rest, status, updatedAt: nowIso, ...(movedTo ? { movedTo } : {}) };
        const promoted = promoteWaiting(entries, session.capacity, nowIso);
        return { value: { ...current, entries }, result: promoted };
      },
    );
    return promoted?.map((p) => ({ ...p, session }));
  }

  async cancel(ref: string, email: string): Promise<CancelOutcome> {
    const outcome = await this.withdraw(ref, email);
    if (outcome.outcome === 'cancelled')
      await this.emailAbout('cancelled', email, outcome, outcome.promoted, outcome.session);
    return outcome;
  }

  private async withdraw(ref: string, email: string): Promise<CancelOutcome> {
    const located = await this.locate(ref, email);
    if (!located) return { outcome: 'not-found' };
    if (located.session.start.getTime() <= this.now().getTime())
      return { outcome: 'past', session: located.session };
    const promoted = await this.retire(located.session, ref, 'cancelled');
    if (!promoted) return { outcome: 'not-found' };
    return { outcome: 'cancelled', ref, session: located.session, seats: located.entry.seats, promoted };
  }

  /**
   * Erases a person's details at their request, whenever the session is: a future booking is
   * cancelled (its places go to the waiting list); a past one keeps only its seat count.
   */
  async erase(ref: string, email: string): Promise<EraseOutcome> {
    const located = await this.locate(ref, email);
    if (!located) return { erased: false, promoted: [] };
    if (located.session.start.getTime() > this.now().getTime()) {
      const promoted = await this.retire(located.session, ref, 'cancelled');
      // The person asked for their details to go: no email to them, only to whoever moved up.
      if (promoted) await this.emailPromoted(promoted, located.session);
      return { erased: promoted !== undefined, promoted: promoted ?? [] };
    }
    const nowIso = this.now().toISOString();
    const erased = await this.records.update<SessionDocument, boolean>(
      SESSIONS_COLLECTION,
      located.session.id,
      (current) => {
        if (!current) return { value: current, result: false };
        let erased = false;
        const entries = current.entries.map((entry) => {
          if (entry.ref !== ref || !holdsPersonalData(entry)) return entry;
          erased = true;
          return { ...withoutPersonalData(entry), updatedAt: nowIso };
        });
        return { value: { ...current, entries }, result: erased };
      },
    );
    return { erased, promoted: [] };
  }

  /**
   * Moves a booking to another session, keeping its reference; the old seats go to the waiting
   * list. `chatAddress` is kept only if the booking joins the new session's waiting list.
   */
  async move(
    ref: string,
    email: string,
    toSessionId: string,
    waitingListOk: boolean,
    chatAddress?: ChatAddress,
  ): Promise<MoveOutcome> {
    const outcome = await this.relocate(ref, email, toSessionId, waitingListOk, chatAddress);
    if (outcome.outcome === 'moved') {
      const kind = outcome.status === 'waiting' ? 'waiting' : 'moved';
      await this.emailAbout(kind, email, { ...outcome, session: outcome.to }, outcome.promoted, outcome.from);
    }
    return outcome;
  }

  private async relocate(
    ref: string,
    email: string,
    toSessionId: string,
    waitingListOk: boolean,
    chatAddress?: ChatAddress,
  ): Promise<MoveOutcome> {
    const located = await this.locate(ref, email);
    if (!located) return { outcome: 'not-found' };
    const { session: from, entry } = located;
    const to = this.catalogue.get(toSessionId);
    if (!to) return { outcome: 'closed', reason: 'unknown' };
    if (to.id === from.id) return { outcome: 'same-session' };
    if (to.start.getTime() <= this.now().getTime() || from.start.getTime() <= this.now().getTime())
      return { outcome: 'closed', reason: 'past' };
    if (entry.seats > to.maxSeatsPerBooking)
      return { outcome: 'too-many-seats', max: to.maxSeatsPerBooking, session: to };
    const nowIso = this.now().toISOString();
    const placed = await this.records.update<SessionDocument, MoveOutcome | Entry>(
      SESSIONS_COLLECTION,
      to.id,
      (current) => {
        const doc = current ?? emptyDocument(to.id);
        const existing = doc.entries.find((e) => e.ref === ref && isActive(e));
        if (existing) return { value: current, result: existing };
        const seatsLeft = to.capacity - seatsBooked(doc);
        const fits = entry.seats <= seatsLeft;
        if (!fits && !waitingListOk)
          return {
            value: current,
            result: { outcome: 'not-enough-seats', seatsLeft: Math.max(0, seatsLeft), session: to },
          };
        if (!fits && !waitingListHas(doc, to, entry.seats))
          return { value: current, result: { outcome: 'waiting-list-full', session: to } };
        const moved: Entry = {
          ref,
          seats: entry.seats,
          status: fits ? 'booked' : 'waiting',
          attendee: entry.attendee,
          ...(!fits && chatAddress ? { chatAddress } : {}),
          submission: `${entry.submission}:moved:${from.id}`.slice(0, 200),
          createdAt: nowIso,
          updatedAt: nowIso,
          movedFrom: from.id,
        };
        return { value: { ...doc, entries: [...doc.entries, moved] }, result: moved };
      },
    );
    if ('outcome' in placed) return placed;
    const promoted = (await this.retire(from, ref, 'moved', to.id)) ?? [];
    const after = await this.read(to.id);
    const position =
      placed.status === 'waiting' ? waitingEntries(after).findIndex((e) => e.ref === ref) + 1 : undefined;
    const status = placed.status as 'booked' | 'waiting';
    return { outcome: 'moved', ref, from, to, status, position, seats: placed.seats, promoted };
  }

  /** Erases personal details from sessions that ended more than the retention period ago. */
  async purgeExpired(): Promise<number> {
    const cutoff = this.now().getTime() - this.retentionDays * 24 * 3600 * 1000;
    let erased = 0;
    for (const session of this.catalogue.all.filter((s) => s.end.getTime() < cutoff)) {
      erased += await this.records.update<SessionDocument, number>(
        SESSIONS_COLLECTION,
        session.id,
        (current) => {
          if (!current || !current.entries.some(holdsPersonalData)) return { value: current, result: 0 };
          const entries = current.entries.map(withoutPersonalData);
          return { value: { ...current, entries }, result: current.entries.filter((e) => e.attendee).length };
        },
      );
    }
    return erased;
  }
}

function describeRepeat(
  doc: SessionDocument,
  entry: Entry,
  session: WorkshopSession,
  repeated = true,
): BookingOutcome {
  if (entry.status === 'booked')
    return { outcome: 'booked', ref: entry.ref, seats: entry.seats, session, repeated };
  if (entry.status === 'waiting')
    return {
      outcome: 'waiting',
      ref: entry.ref,
      seats: entry.seats,
      position: waitingEntries(doc).indexOf(entry) + 1,
      session,
      repeated,
    };
  // The first submission was written and later cancelled or moved: do not book it again.
  return { outcome: 'closed', reason: 'unknown' };
}

/** Whether the session's waiting list has room for `seats` more places (waitingList in the content). */
function waitingListHas(doc: SessionDocument, session: WorkshopSession, seats: number): boolean {
  const waiting = waitingEntries(doc).reduce((sum, e) => sum + e.seats, 0);
  return waiting + seats <= waitingListPlaces(session);
}

/**
 * A submission is the card's key together with the conversation and the details sent with it: the
 * same key again with other details (a copied card, a forged one) is another submission, so it can
 * never be answered with somebody else's booking reference.
 */
function submissionOf(request: BookingRequest): string {
  const { attendee, chatAddress } = request;
  return hashKey(
    JSON.stringify([
      request.submissionKey,
      chatAddress?.channelId ?? '',
      chatAddress?.conversationId ?? '',
      request.sessionId,
      request.seats,
      attendee.name,
      attendee.email.toLowerCase(),
      attendee.phone ?? '',
    ]),
  );
}
