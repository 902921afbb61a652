import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import {
  SESSIONS_COLLECTION,
  type Entry,
  type SessionDocument,
  sessionDocumentSchema,
} from '../../src/signups/bookingRecords.js';
import { BookingService } from '../../src/signups/bookingService.js';
import { type ChatAddress, chatAddressOf, readChatAddress } from '../../src/signups/chatAddress.js';
import { NOW, attendee, tempStore, testCatalogue, type TempStore } from './support.js';

const address = (n: number | string): ChatAddress => ({
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/uk/',
  conversationId: `a:conversation-${n}`,
  botId: '28:bot',
  userId: `29:user-${n}`,
});

describe('signups: the chat address kept for the waiting list', () => {
  let t: TempStore;
  let service: BookingService;
  let clock: Date;

  beforeEach(async () => {
    t = await tempStore();
    clock = NOW;
    service = new BookingService(t.store.records, testCatalogue(), () => clock, 30);
  });
  afterEach(() => t.dispose());

  const book = async (sessionId: string, n: number | string, seats = 1) => {
    const outcome = await service.book({
      sessionId,
      seats,
      attendee: attendee(n),
      submissionKey: `key-${sessionId}-${n}`,
      waitingListOk: true,
      chatAddress: address(n),
    });
    assert.ok(outcome.outcome === 'booked' || outcome.outcome === 'waiting', outcome.outcome);
    return { ref: outcome.ref, status: outcome.outcome };
  };

  const entries = async (id: string): Promise<Entry[]> => {
    const raw = await readFile(path.join(t.dir, 'records', SESSIONS_COLLECTION, `${id}.json`), 'utf8');
    return sessionDocumentSchema.parse(JSON.parse(raw)).entries;
  };
  const stored = async (id: string, ref: string) => (await entries(id)).find((e) => e.ref === ref);

  it('is kept only on waiting-list entries, and leaves the entry when it moves up', async () => {
    const a = await book('small', 'a', 3);
    const w = await book('small', 'w', 2);
    assert.deepEqual([a.status, w.status], ['booked', 'waiting']);
    assert.equal((await stored('small', a.ref))?.chatAddress, undefined, 'not kept for a booking');
    assert.deepEqual((await stored('small', w.ref))?.chatAddress, address('w'));

    const cancelled = await service.cancel(a.ref, 'persona@example.org');
    assert.ok(cancelled.outcome === 'cancelled');
    assert.deepEqual(cancelled.promoted, [
      { ref: w.ref, seats: 2, chatAddress: address('w'), session: cancelled.session },
    ]);
    const promoted = await stored('small', w.ref);
    assert.equal(promoted?.status, 'booked');
    assert.equal(promoted?.chatAddress, undefined, 'erased as soon as the place is given');
    assert.ok(promoted?.attendee, 'the booking itself keeps its details');
  });

  it('is erased when a waiting entry is cancelled or moved', async () => {
    await book('small', 'a', 3);
    const w1 = await book('small', 'w1');
    const w2 = await book('small', 'w2');
    assert.equal((await service.cancel(w1.ref, 'personw1@example.org')).outcome, 'cancelled');
    const moved = await service.move(w2.ref, 'personw2@example.org', 'big', false);
    assert.equal(moved.outcome, 'moved');
    for (const [id, ref] of [
      ['small', w1.ref],
      ['small', w2.ref],
      ['big', w2.ref],
    ] as const) {
      const e = await stored(id, ref);
      assert.ok(e, `${ref} in ${id}`);
      assert.equal(e.chatAddress, undefined, `${ref} in ${id} (${e.status})`);
    }
  });

  it('goes with the booking to another session only if it waits there, from the new conversation', async () => {
    await book('twenty', 'x');
    const w = await book('small', 'w');
    for (let i = 0; i < 20; i++) if (i > 0) await book('twenty', `f${i}`);
    const moved = await service.move(w.ref, 'personw@example.org', 'twenty', true, address('new'));
    assert.ok(moved.outcome === 'moved' && moved.status === 'waiting', moved.outcome);
    assert.deepEqual((await stored('twenty', w.ref))?.chatAddress, address('new'));
  });

  it('is erased on request, and by the retention purge with the other details', async () => {
    await book('small', 'a', 3);
    const w1 = await book('small', 'w1');
    const w2 = await book('small', 'w2');
    const erased = await service.erase(w1.ref, 'personw1@example.org');
    assert.deepEqual(erased, { erased: true, promoted: [] });
    assert.equal((await stored('small', w1.ref))?.chatAddress, undefined);
    assert.deepEqual((await stored('small', w2.ref))?.chatAddress, address('w2'));

    clock = new Date('2027-03-01T00:00:00Z'); // 30 days after the session on 14 January
    assert.equal(await service.purgeExpired(), 2);
    const after = await entries('small');
    assert.ok(after.every((e) => e.chatAddress === undefined && e.attendee === undefined));
  });

  it('is erased on request after the session too', async () => {
    await book('small', 'a', 3);
    const w = await book('small', 'w');
    clock = new Date('2027-01-15T00:00:00Z');
    assert.equal((await service.erase(w.ref, 'personw@example.org')).erased, true);
    const e = await stored('small', w.ref);
    assert.equal(e?.chatAddress, undefined);
    assert.equal(e?.attendee, undefined);
  });

  it('a stored address that is no longer valid is dropped, not used', async () => {
    const a = await book('small', 'a', 3);
    const w = await book('small', 'w');
    await t.store.records.update<SessionDocument, void>(SESSIONS_COLLECTION, 'small', (doc) => ({
      value: doc && {
        ...doc,
        entries: doc.entries.map((e) =>
          e.ref === w.ref ? { ...e, chatAddress: { ...address('w'), serviceUrl: 'file:///etc/passwd' } } : e,
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
    assert.equal((await stored('small', w.ref))?.chatAddress, undefined);
  });
});

describe('signups: reading a chat address from an activity', () => {
  const activity = {
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/uk/',
    conversation: { id: 'a:1', name: 'Private chat' },
    recipient: { id: '28:bot', name: 'Safer Kingston' },
    from: { id: '29:user', name: 'Sam Patel' },
    text: 'book me a place',
  };

  it('keeps only the ids and addresses, no names or text', () => {
    assert.deepEqual(chatAddressOf(activity), {
      channelId: 'msteams',
      serviceUrl: 'https://smba.trafficmanager.net/uk/',
      conversationId: 'a:1',
      botId: '28:bot',
      userId: '29:user',
    });
  });

  const long = (n: number) => 'x'.repeat(n);
  for (const [what, change] of [
    ['a file: service address', { serviceUrl: 'file:///etc/passwd' }],
    ['a javascript: service address', { serviceUrl: 'javascript:alert(1)' }],
    ['a service address with a password', { serviceUrl: 'https://user:secret@example.org/' }],
    ['a service address that is not one', { serviceUrl: 'not a url' }],
    ['an oversize service address', { serviceUrl: `https://example.org/${long(600)}` }],
    ['no service address', { serviceUrl: undefined }],
    ['an oversize conversation id', { conversation: { id: long(513) } }],
    ['an empty conversation id', { conversation: { id: '' } }],
    ['an oversize user id', { from: { id: long(257) } }],
    ['an oversize bot id', { recipient: { id: long(257) } }],
    ['a channel id with odd characters', { channelId: 'ms teams/../' }],
  ] as const) {
    it(`refuses ${what}`, () => {
      assert.equal(chatAddressOf({ ...activity, ...change }), undefined);
    });
  }

  it('accepts exactly the http(s) addresses with bounded ids (property)', () => {
    fc.assert(
      fc.property(
        fc.webUrl(),
        fc.string({ minLength: 0, maxLength: 600 }),
        fc.string({ minLength: 0, maxLength: 300 }),
        (serviceUrl, conversationId, userId) => {
          const read = readChatAddress({
            channelId: 'webchat',
            serviceUrl,
            conversationId,
            botId: 'bot',
            userId,
          });
          const expected =
            serviceUrl.length <= 512 &&
            conversationId.length >= 1 &&
            conversationId.length <= 512 &&
            userId.length >= 1 &&
            userId.length <= 256 &&
            !new URL(serviceUrl).username;
          assert.equal(read !== undefined, expected);
        },
      ),
    );
  });

  it('refuses any address that is not http or https (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('ftp', 'file', 'data', 'ws', 'gopher', 'javascript'),
        fc.domain(),
        (scheme, host) =>
          readChatAddress({
            channelId: 'webchat',
            serviceUrl: `${scheme}://${host}/`,
            conversationId: 'c',
            botId: 'b',
            userId: 'u',
          }) === undefined,
      ),
    );
  });
});
