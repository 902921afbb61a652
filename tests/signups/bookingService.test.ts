import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  SESSIONS_COLLECTION,
  type SessionDocument,
  sessionDocumentSchema,
} from '../../src/signups/bookingRecords.js';
import { BookingService } from '../../src/signups/bookingService.js';
import type { ChatAddress } from '../../src/signups/chatAddress.js';
import { NOW, attendee, tempStore, testCatalogue, type TempStore } from './support.js';

describe('signups: booking service', () => {
  let t: TempStore;
  let service: BookingService;
  let clock: Date;

  beforeEach(async () => {
    t = await tempStore();
    clock = NOW;
    service = new BookingService(t.store.records, testCatalogue(), () => clock, 30);
  });
  afterEach(() => t.dispose());

  const book = (
    sessionId: string,
    n: number | string,
    seats = 1,
    waitingListOk = true,
    chatAddress?: ChatAddress,
  ) =>
    service.book({
      sessionId,
      seats,
      attendee: attendee(n),
      submissionKey: `key-${sessionId}-${n}`,
      waitingListOk,
      chatAddress,
    });

  const doc = async (id: string) => {
    const raw = await readFile(path.join(t.dir, 'records', SESSIONS_COLLECTION, `${id}.json`), 'utf8');
    return sessionDocumentSchema.parse(JSON.parse(raw));
  };

  it('books a seat and writes a valid document with a readable, unguessable reference', async () => {
    const result = await book('small', 1, 2);
    assert.equal(result.outcome, 'booked');
    assert.match(result.outcome === 'booked' ? result.ref : '', /^HC-[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/);
    const stored = await doc('small');
    assert.equal(stored.entries.length, 1);
    assert.equal(stored.entries[0].seats, 2);
    const other = await book('small', 2, 1);
    assert.notEqual(other.outcome === 'booked' && other.ref, result.outcome === 'booked' && result.ref);
  });

  it('returns the first result for a repeated submission and writes nothing new', async () => {
    const first = await book('small', 1);
    const again = await book('small', 1);
    assert.equal(again.outcome, 'booked');
    assert.equal(again.outcome === 'booked' && again.ref, first.outcome === 'booked' && first.ref);
    assert.equal(again.outcome === 'booked' && again.repeated, true);
    assert.equal((await doc('small')).entries.length, 1);
  });

  it('does not book the same email twice for one session', async () => {
    await book('small', 1);
    const second = await service.book({
      sessionId: 'small',
      seats: 1,
      attendee: { name: 'Someone', email: 'PERSON1@example.org' },
      submissionKey: 'another-key',
      waitingListOk: true,
    });
    assert.equal(second.outcome, 'already-booked');
    assert.equal((await doc('small')).entries.length, 1);
  });

  it('refuses impossible seat counts, unknown and past sessions without writing', async () => {
    assert.equal((await book('small', 1, 0)).outcome, 'too-many-seats');
    assert.equal((await book('small', 1, 4)).outcome, 'too-many-seats');
    assert.equal((await book('small', 1, 1.5)).outcome, 'too-many-seats');
    assert.deepEqual(await book('nope', 1), { outcome: 'closed', reason: 'unknown' });
    assert.deepEqual(await book('past', 1), { outcome: 'closed', reason: 'past' });
    assert.deepEqual(await t.store.records.list(SESSIONS_COLLECTION), []);
  });

  it('offers the waiting list when full, and writes nothing when the person does not want it', async () => {
    await book('small', 1, 3);
    const refused = await book('small', 2, 1, false);
    assert.deepEqual(refused.outcome === 'not-enough-seats' && refused.seatsLeft, 0);
    assert.equal((await doc('small')).entries.length, 1);
    const waiting = await book('small', 3, 1, true);
    assert.equal(waiting.outcome, 'waiting');
    assert.equal(waiting.outcome === 'waiting' && waiting.position, 1);
    const availability = await service.availability('small');
    assert.equal(availability?.state, 'full');
    assert.equal(availability?.waiting, 1);
  });

  it('lists only upcoming sessions, marking full ones', async () => {
    await book('small', 1, 3);
    const upcoming = await service.upcoming();
    assert.deepEqual(
      upcoming.map((u) => [u.session.id, u.state]),
      [
        ['small', 'full'],
        ['twenty', 'open'],
        ['big', 'open'],
        ['partners', 'open'],
      ],
    );
  });

  it('cancelling frees the seats and moves the waiting list up in order', async () => {
    const a = await book('small', 'a', 2);
    await book('small', 'b', 1);
    const w1 = await book('small', 'w1', 2); // waits: needs 2
    const w2 = await book('small', 'w2', 1); // waits behind w1
    const w3 = await book('small', 'w3', 1);
    assert.deepEqual([w1.outcome, w2.outcome, w3.outcome], ['waiting', 'waiting', 'waiting']);
    const refOf = (r: typeof a) => (r.outcome === 'booked' || r.outcome === 'waiting' ? r.ref : '');
    const cancelled = await service.cancel(refOf(a), 'person' + 'a@example.org');
    assert.equal(cancelled.outcome, 'cancelled');
    assert.deepEqual(
      cancelled.outcome === 'cancelled' && cancelled.promoted.map((p) => [p.ref, p.seats, p.session.id]),
      [[refOf(w1), 2, 'small']],
    );
    const found = await service.find(refOf(w1), 'personw1@example.org');
    assert.equal(found?.status, 'booked');
    assert.equal(found?.promoted, true);
    assert.equal((await service.find(refOf(w2), 'personw2@example.org'))?.position, 1);
    const stored = await doc('small');
    const cancelledEntry = stored.entries.find((e) => e.ref === refOf(a));
    assert.equal(cancelledEntry?.status, 'cancelled');
    assert.equal(cancelledEntry?.attendee, undefined, 'personal details are erased on cancellation');
    assert.equal(await service.find(refOf(a), 'persona@example.org'), undefined);
  });

  it('finds a booking only with the email it was made with', async () => {
    const r = await book('big', 1, 2);
    const ref = r.outcome === 'booked' ? r.ref : '';
    assert.equal(await service.find(ref, 'someone@else.org'), undefined);
    assert.equal((await service.cancel(ref, 'someone@else.org')).outcome, 'not-found');
    assert.equal((await service.find(ref, ' Person1@Example.org '))?.seats, 2);
  });

  it('moves a booking to another session, keeping the reference and promoting the old waiting list', async () => {
    const r = await book('small', 1, 3);
    const w = await book('small', 2, 1);
    const ref = r.outcome === 'booked' ? r.ref : '';
    const moved = await service.move(ref, 'person1@example.org', 'big', false);
    assert.equal(moved.outcome, 'moved');
    assert.equal((await service.find(ref, 'person1@example.org'))?.session.id, 'big');
    const wref = w.outcome === 'waiting' ? w.ref : '';
    assert.equal((await service.find(wref, 'person2@example.org'))?.status, 'booked');
    assert.equal((await doc('small')).entries.find((e) => e.ref === ref)?.attendee, undefined);
    assert.equal((await service.move(ref, 'person1@example.org', 'big', false)).outcome, 'same-session');
    assert.equal((await service.move(ref, 'person1@example.org', 'twenty', false)).outcome, 'too-many-seats');
  });

  it('finishes a move that a crash interrupted between its two writes', async () => {
    const r = await book('small', 1, 1);
    const ref = r.outcome === 'booked' ? r.ref : '';
    const entry = (await doc('small')).entries[0];
    // The first write of a move happened (the new session has the booking); the second did not.
    await t.store.records.update<SessionDocument, void>(SESSIONS_COLLECTION, 'big', () => ({
      value: {
        sessionId: 'big',
        version: 1,
        entries: [{ ...entry, movedFrom: 'small', submission: 'moved-key' }],
      },
      result: undefined,
    }));
    assert.equal((await service.find(ref, 'person1@example.org'))?.session.id, 'big');
    assert.equal((await doc('small')).entries[0].status, 'moved');
    assert.equal((await service.availability('small'))?.seatsLeft, 3);
  });

  it('erases personal details 30 days after a session ends', async () => {
    await book('small', 1);
    clock = new Date('2027-02-14T12:01:00Z');
    assert.equal(await service.purgeExpired(), 1);
    const stored = await doc('small');
    assert.equal(stored.entries[0].attendee, undefined);
    assert.equal(stored.entries[0].status, 'booked');
  });

  it('gives exactly 20 seats to 200 concurrent bookings for a 20-seat session', async () => {
    const results = await Promise.all(Array.from({ length: 200 }, (_, i) => book('twenty', i)));
    const booked = results.filter((r) => r.outcome === 'booked');
    const waiting = results.filter((r) => r.outcome === 'waiting');
    assert.equal(booked.length, 20);
    assert.equal(waiting.length, 180);
    const refs = results.map((r) => (r.outcome === 'booked' || r.outcome === 'waiting' ? r.ref : ''));
    assert.equal(new Set(refs).size, 200);
    const stored = await doc('twenty');
    assert.equal(stored.entries.filter((e) => e.status === 'booked').length, 20);
    assert.deepEqual(
      waiting.map((w) => (w.outcome === 'waiting' ? w.position : 0)).sort((x, y) => x - y),
      Array.from({ length: 180 }, (_, i) => i + 1),
    );
  });

  describe('the chat address kept for the waiting list', () => {
    const address = (n: number | string): ChatAddress => ({
      channelId: 'msteams',
      serviceUrl: 'https://smba.trafficmanager.net/uk/',
      conversationId: `a:conversation-${n}`,
      botId: '28:bot',
      userId: `29:user-${n}`,
    });
    const bookWith = async (sessionId: string, n: number | string, seats = 1) => {
      const outcome = await book(sessionId, n, seats, true, address(n));
      assert.ok(outcome.outcome === 'booked' || outcome.outcome === 'waiting', outcome.outcome);
      return { ref: outcome.ref, status: outcome.outcome };
    };
    const storedEntry = async (id: string, ref: string) => (await doc(id)).entries.find((e) => e.ref === ref);

    it('is kept only on waiting-list entries, and leaves the entry when it moves up', async () => {
      const a = await bookWith('small', 'a', 3);
      const w = await bookWith('small', 'w', 2);
      assert.deepEqual([a.status, w.status], ['booked', 'waiting']);
      assert.equal((await storedEntry('small', a.ref))?.chatAddress, undefined, 'not kept for a booking');
      assert.deepEqual((await storedEntry('small', w.ref))?.chatAddress, address('w'));

      const cancelled = await service.cancel(a.ref, 'persona@example.org');
      assert.ok(cancelled.outcome === 'cancelled');
      assert.deepEqual(cancelled.promoted, [
        { ref: w.ref, seats: 2, chatAddress: address('w'), session: cancelled.session },
      ]);
      const promoted = await storedEntry('small', w.ref);
      assert.equal(promoted?.status, 'booked');
      assert.equal(promoted?.chatAddress, undefined, 'erased as soon as the place is given');
      assert.ok(promoted?.attendee, 'the booking itself keeps its details');
    });

    it('is erased when a waiting entry is cancelled or moved', async () => {
      await bookWith('small', 'a', 3);
      const w1 = await bookWith('small', 'w1');
      const w2 = await bookWith('small', 'w2');
      assert.equal((await service.cancel(w1.ref, 'personw1@example.org')).outcome, 'cancelled');
      const moved = await service.move(w2.ref, 'personw2@example.org', 'big', false);
      assert.equal(moved.outcome, 'moved');
      for (const [id, ref] of [
        ['small', w1.ref],
        ['small', w2.ref],
        ['big', w2.ref],
      ] as const) {
        const e = await storedEntry(id, ref);
        assert.ok(e, `${ref} in ${id}`);
        assert.equal(e.chatAddress, undefined, `${ref} in ${id} (${e.status})`);
      }
    });

    it('goes with the booking to another session only if it waits there, from the new conversation', async () => {
      await bookWith('twenty', 'x');
      const w = await bookWith('small', 'w');
      for (let i = 0; i < 20; i++) if (i > 0) await bookWith('twenty', `f${i}`);
      const moved = await service.move(w.ref, 'personw@example.org', 'twenty', true, address('new'));
      assert.ok(moved.outcome === 'moved' && moved.status === 'waiting', moved.outcome);
      assert.deepEqual((await storedEntry('twenty', w.ref))?.chatAddress, address('new'));
    });

    it('is erased on request, and by the retention purge with the other details', async () => {
      await bookWith('small', 'a', 3);
      const w1 = await bookWith('small', 'w1');
      const w2 = await bookWith('small', 'w2');
      const erased = await service.erase(w1.ref, 'personw1@example.org');
      assert.deepEqual(erased, { erased: true, promoted: [] });
      assert.equal((await storedEntry('small', w1.ref))?.chatAddress, undefined);
      assert.deepEqual((await storedEntry('small', w2.ref))?.chatAddress, address('w2'));

      clock = new Date('2027-03-01T00:00:00Z'); // 30 days after the session on 14 January
      assert.equal(await service.purgeExpired(), 2);
      const after = (await doc('small')).entries;
      assert.ok(after.every((e) => e.chatAddress === undefined && e.attendee === undefined));
    });

    it('is erased on request after the session too', async () => {
      await bookWith('small', 'a', 3);
      const w = await bookWith('small', 'w');
      clock = new Date('2027-01-15T00:00:00Z');
      assert.equal((await service.erase(w.ref, 'personw@example.org')).erased, true);
      const e = await storedEntry('small', w.ref);
      assert.equal(e?.chatAddress, undefined);
      assert.equal(e?.attendee, undefined);
    });

    it('a stored address that is no longer valid is dropped, not used', async () => {
      const a = await bookWith('small', 'a', 3);
      const w = await bookWith('small', 'w');
      await t.store.records.update<SessionDocument, void>(SESSIONS_COLLECTION, 'small', (doc) => ({
        value: doc && {
          ...doc,
          entries: doc.entries.map((e) =>
            e.ref === w.ref
              ? { ...e, chatAddress: { ...address('w'), serviceUrl: 'file:///etc/passwd' } }
              : e,
          ),
        },
        result: undefined,
      }));
      const cancelled = await service.cancel(a.ref, 'persona@example.org');
      assert.ok(cancelled.outcome === 'cancelled');
      assert.deepEqual(
        cancelled.promoted.map((p) => [p.ref, p.chatAddress]),
        [[w.ref, undefined]],
      );
      assert.equal((await storedEntry('small', w.ref))?.chatAddress, undefined);
    });
  });
});
