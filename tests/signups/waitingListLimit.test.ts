// A session's waiting list holds as many places as the content says (waitingList in
// workshops.yaml; as many as the session has when left out). Beyond that nothing is written.
import assert from 'node:assert/strict';
import { WorkshopCatalogue, waitingListPlaces } from '../../src/content/workshops.js';
import { SESSIONS_COLLECTION, type SessionDocument } from '../../src/signups/bookingRecords.js';
import { BookingService } from '../../src/signups/bookingService.js';
import { allText, buttonsOf } from '../support/botHarness.js';
import { startSignupBot } from './botSupport.js';
import { NOW, attendee, session, tempStore, testCatalogue, type TempStore } from './support.js';

function catalogue(waitingList?: number): WorkshopCatalogue {
  return new WorkshopCatalogue([
    session('tiny', {
      capacity: 3,
      maxSeatsPerBooking: 2,
      ...(waitingList === undefined ? {} : { waitingList }),
    }),
  ]);
}

describe('signups: the waiting list limit', () => {
  let t: TempStore;
  beforeEach(async () => {
    t = await tempStore();
  });
  afterEach(() => t.dispose());

  const bookWith =
    (service: BookingService) =>
    (n: number, seats = 1) =>
      service.book({
        sessionId: 'tiny',
        seats,
        attendee: attendee(n),
        submissionKey: `k${n}`,
        waitingListOk: true,
      });
  const entries = async () =>
    (await t.store.records.get<SessionDocument>(SESSIONS_COLLECTION, 'tiny'))?.entries ?? [];

  it('holds as many places as the session when the content says nothing, then writes nothing', async () => {
    const service = new BookingService(t.store.records, catalogue(), () => NOW);
    const book = bookWith(service);
    assert.equal((await book(1, 2)).outcome, 'booked');
    assert.equal((await book(2, 1)).outcome, 'booked');
    assert.equal((await book(3, 2)).outcome, 'waiting');
    assert.equal((await service.availability('tiny'))?.waitingListFull, false);
    assert.equal((await book(4, 2)).outcome, 'waiting-list-full', 'only one place is left on the list');
    assert.equal((await book(5, 1)).outcome, 'waiting');
    assert.equal((await service.availability('tiny'))?.waitingListFull, true);
    assert.equal((await book(6, 1)).outcome, 'waiting-list-full');
    assert.equal((await entries()).length, 4);
  });

  it('with waitingList 0 has no waiting list at all', async () => {
    const book = bookWith(new BookingService(t.store.records, catalogue(0), () => NOW));
    assert.equal((await book(1, 2)).outcome, 'booked');
    assert.equal((await book(2, 2)).outcome, 'waiting-list-full');
  });

  it('keeps to the limit when 60 people book at once: 3 booked, 3 waiting, in one document', async () => {
    const book = bookWith(new BookingService(t.store.records, catalogue(), () => NOW));
    const outcomes = await Promise.all(Array.from({ length: 60 }, (_, i) => book(i + 1)));
    const count = (o: string) => outcomes.filter((r) => r.outcome === o).length;
    assert.deepEqual([count('booked'), count('waiting'), count('waiting-list-full')], [3, 3, 54]);
    const stored = await entries();
    assert.deepEqual(
      stored.map((e) => e.status),
      ['booked', 'booked', 'booked', 'waiting', 'waiting', 'waiting'],
    );
  });

  it('in the chat, shows a session whose waiting list is full without a button, and says so if chosen', async () => {
    const bot = await startSignupBot();
    try {
      const service = new BookingService(bot.services.store.records, testCatalogue(), () => NOW);
      const small = testCatalogue().get('small')!;
      for (let i = 0; i < small.capacity + waitingListPlaces(small); i++)
        await service.book({
          sessionId: 'small',
          seats: 1,
          attendee: attendee(`s${i}`),
          submissionKey: `s${i}`,
          waitingListOk: true,
        });
      const words = bot.services.content.signupMessages.workshop;
      const list = await bot.say('book a workshop');
      const text = allText(list);
      const number = /(\d+)\. Test session small/.exec(text)?.[1];
      assert.ok(number, 'the session is listed');
      assert.ok(text.includes(words.sessionList.fullNoWaitingList));
      assert.ok(!buttonsOf(list).some((b) => b.endsWith(` ${number}`)), 'it has no button');
      assert.match(allText(await bot.say(number)), new RegExp(words.waitingListFull.slice(0, 30)));
    } finally {
      await bot.close();
    }
  });
});
