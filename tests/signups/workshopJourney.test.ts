import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import { SESSIONS_COLLECTION, type SessionDocument } from '../../src/signups/bookingRecords.js';
import { BookingService } from '../../src/signups/bookingService.js';
import { allText, buttonsOf, type TestBot } from '../support/botHarness.js';
import { startSignupBot } from './botSupport.js';
import { NOW, attendee } from './support.js';

const REF = /HC-[A-Z2-9]{5}-[A-Z2-9]{5}/;

function refIn(replies: Partial<Activity>[]): string {
  const m = REF.exec(allText(replies));
  assert.ok(m, `expected a booking reference in: ${allText(replies)}`);
  return m[0];
}

async function stateFilesText(dataDir: string): Promise<string> {
  const dir = path.join(dataDir, 'state');
  const out: string[] = [];
  for (const sub of await readdir(dir)) {
    for (const f of await readdir(path.join(dir, sub)))
      out.push(await readFile(path.join(dir, sub, f), 'utf8'));
  }
  return out.join('\n');
}

describe('signups: workshop journey end to end', () => {
  let bot: TestBot;
  let service: BookingService;
  beforeEach(async () => {
    bot = await startSignupBot();
    service = new BookingService(bot.services.store.records, bot.services.content.workshops, () => NOW);
  });
  afterEach(() => bot.close());

  const doc = (id: string) => bot.services.store.records.get<SessionDocument>(SESSIONS_COLLECTION, id);

  it('books from free text, re-prompts bad input, confirms with a reference and .ics, keeps no details in state', async () => {
    const opening = await bot.say('book 2 places on the online one in february');
    assert.match(allText(opening), /hate crime workshops are free/);
    assert.match(allText(opening), /match what you asked for/);
    assert.match(allText(opening), /1\. Test session big/);
    const consent = await bot.say('1');
    assert.match(allText(consent), /How long: until 90 days after the session/);
    assert.match(allText(consent), /Who sees it/);
    assert.match(allText(consent), /How to delete it sooner/);
    assert.match(allText(await bot.say('yes')), /What is your name/);
    assert.match(allText(await bot.say('S')), /type your name/);
    assert.match(allText(await bot.say('Sam Patel')), /email address/);
    assert.match(allText(await bot.say('sam@example')), /does not look like an email address/);
    assert.match(allText(await bot.say('sam at example dot org')), /does not look like an email address/);
    assert.match(allText(await bot.say('sam@example.org')), /phone number/);
    assert.match(allText(await bot.say('12345')), /UK phone number/);
    const done = await bot.say('07700 900123');
    const ref = refIn(done);
    assert.match(allText(done), /You're booked/);
    assert.match(allText(done), /2 places/);
    const ics = done.flatMap((a) => a.attachments ?? []).find((a) => a.contentType === 'text/calendar');
    const url = ics?.contentUrl ?? '';
    assert.ok(url.startsWith('data:text/calendar;base64,'));
    assert.match(Buffer.from(url.split(',')[1], 'base64').toString('utf8'), /DTSTART:20270210T180000Z/);
    const found = await service.find(ref, 'sam@example.org');
    assert.equal(found?.seats, 2);
    assert.equal(found?.session.id, 'big');
    const state = await stateFilesText(bot.dataDir);
    assert.doesNotMatch(
      state,
      /sam@example\.org|Sam Patel|07700/,
      'no personal data left in conversation state',
    );
  });

  it('refuses impossible seat counts with a clear re-prompt, typed or forged', async () => {
    await bot.say('I want to book a workshop for 9 people');
    const seats = await bot.say('the first one');
    assert.match(allText(seats), /from 1 to 3 places/);
    assert.match(allText(await bot.say('0')), /from 1 to 3 places/);
    assert.match(allText(await bot.say('lots')), /number from 1 to 3/);
    const forged = await bot.say({ text: '', value: { action: 'workshop.seats', seats: 99 } });
    assert.match(allText(forged), /from 1 to 3 places/);
    assert.match(
      allText(await bot.say({ text: '', value: { action: 'workshop.seats', seats: 2 } })),
      /agree/,
    );
    assert.equal(await doc('small'), undefined, 'nothing written before the end');
  });

  it('refuses a forged session choice and writes nothing', async () => {
    await bot.say('book a workshop');
    const forged = await bot.say({ text: '', value: { action: 'workshop.session', sessionId: 'past' } });
    assert.match(allText(forged), /not one of the sessions on offer/);
    const forged2 = await bot.say({
      text: '',
      value: { action: 'workshop.session', sessionId: { $gt: '' } },
    });
    assert.match(allText(forged2), /not one of the sessions on offer/);
    assert.deepEqual(await bot.services.store.records.list(SESSIONS_COLLECTION), []);
    assert.match(
      allText(await bot.say({ text: '', value: { action: 'workshop.session', sessionId: 'small' } })),
      /How many places/,
    );
  });

  it('writes nothing when consent is refused', async () => {
    await bot.say('book a workshop');
    await bot.say('1');
    await bot.say('1');
    const refused = await bot.say({ text: '', value: { action: 'signup.consent', consent: false } });
    assert.match(allText(refused), /nothing has been booked/);
    assert.deepEqual(await bot.services.store.records.list(SESSIONS_COLLECTION), []);
  });

  it('does not offer past sessions, shows full ones with the waiting list, and books onto it', async () => {
    for (let i = 0; i < 3; i++)
      await service.book({
        sessionId: 'small',
        seats: 1,
        attendee: attendee(i),
        submissionKey: `k${i}`,
        waitingListOk: false,
      });
    const list = await bot.say('book a workshop');
    assert.doesNotMatch(allText(list), /Test session past/);
    assert.match(allText(list), /Full: you can join the waiting list/);
    assert.ok(buttonsOf(list).includes('Join waiting list for 1'));
    const full = await bot.say('1');
    assert.match(allText(full), /This session is full/);
    assert.deepEqual(buttonsOf(full), ['Yes', 'No'], 'joining the waiting list is a button');
    await bot.say('yes');
    await bot.say('1');
    await bot.say('yes');
    await bot.say('Wai Ting');
    await bot.say('wai@example.org');
    const done = await bot.say('skip');
    assert.match(allText(done), /waiting list: number 1/);
    const ref = refIn(done);
    assert.equal((await service.find(ref, 'wai@example.org'))?.status, 'waiting');
  });

  it('offers the waiting list when fewer places are left than asked for, or books what is left', async () => {
    await service.book({
      sessionId: 'small',
      seats: 2,
      attendee: attendee(1),
      submissionKey: 'k1',
      waitingListOk: false,
    });
    await bot.say('book a workshop');
    await bot.say('1');
    assert.match(allText(await bot.say('3')), /only 1 place left/);
    await bot.say('no');
    await bot.say('yes');
    await bot.say('Sam Patel');
    await bot.say('sam@example.org');
    const done = await bot.say('skip');
    assert.match(allText(done), /1 place\b/);
    assert.equal((await service.availability('small'))?.state, 'full');
  });

  it('cancels by reference and email, frees the places, and moves the waiting list up', async () => {
    const booked = await service.book({
      sessionId: 'small',
      seats: 3,
      attendee: attendee('a'),
      submissionKey: 'ka',
      waitingListOk: false,
    });
    const waiting = await service.book({
      sessionId: 'small',
      seats: 2,
      attendee: attendee('w'),
      submissionKey: 'kw',
      waitingListOk: true,
    });
    assert.equal(waiting.outcome, 'waiting');
    const ref = booked.outcome === 'booked' ? booked.ref : '';
    const askEmail = await bot.say(
      `please cancel my workshop booking ${ref.toLowerCase().replace(/-/g, ' ')}`,
    );
    assert.match(allText(askEmail), /email address did you book with/);
    assert.match(allText(await bot.say('wrong@example.org')), /couldn't find a booking/);
    await bot.say(`please cancel my workshop booking ${ref}`);
    const summary = await bot.say('personA@example.org');
    assert.match(allText(summary), /3 places/);
    assert.match(allText(summary), /Are you sure/);
    assert.match(allText(await bot.say('yes')), /is cancelled/);
    const wref = waiting.outcome === 'waiting' ? waiting.ref : '';
    assert.equal((await service.find(wref, 'personw@example.org'))?.status, 'booked');
    // The person who moved up sees it when they look their booking up.
    await bot.say('manage my workshop booking');
    await bot.say(wref);
    assert.match(allText(await bot.say('personw@example.org')), /a place came free, so you are booked/);
    assert.match(allText(await bot.say('keep it')), /stays as it is/);
  });

  it('takes "cancel" typed at "cancel it, move it, or keep it" as cancelling the booking', async () => {
    const booked = await service.book({
      sessionId: 'small',
      seats: 1,
      attendee: attendee('c'),
      submissionKey: 'kc',
      waitingListOk: false,
    });
    const ref = booked.outcome === 'booked' ? booked.ref : '';
    await bot.say('manage my workshop booking');
    await bot.say(ref);
    const question = await bot.say('personc@example.org');
    assert.match(allText(question), /cancel it, move it to another session, or keep it/);
    assert.deepEqual(buttonsOf(question), ['Cancel it', 'Move it', 'Keep it']);
    const confirm = await bot.say('cancel');
    assert.match(allText(confirm), /Are you sure/, 'an answer of the question, not stop-everything');
    assert.deepEqual(buttonsOf(confirm), ['Yes', 'No']);
    assert.match(allText(await bot.say('yes')), /is cancelled/);
    assert.equal(await service.find(ref, 'personc@example.org'), undefined);
  });

  it('takes a tapped "Keep it" and a typed "no" at the confirmation as answers that keep the booking', async () => {
    const booked = await service.book({
      sessionId: 'small',
      seats: 1,
      attendee: attendee('k'),
      submissionKey: 'kk',
      waitingListOk: false,
    });
    const ref = booked.outcome === 'booked' ? booked.ref : '';
    await bot.say('manage my workshop booking');
    await bot.say(ref);
    await bot.say('personk@example.org');
    await bot.say('cancel');
    assert.match(allText(await bot.say('no')), /stays as it is/);
    await bot.say('manage my workshop booking');
    await bot.say(ref);
    await bot.say('personk@example.org');
    const kept = await bot.say({ value: { choice: 'keep', question: 'workshop-manage:action' } });
    assert.match(allText(kept), /stays as it is/);
    assert.equal((await service.find(ref, 'personk@example.org'))?.status, 'booked');
    // "help" is not one of the answers: it still gives help and keeps the place.
    await bot.say('manage my workshop booking');
    await bot.say(ref);
    await bot.say('personk@example.org');
    assert.match(allText(await bot.say('help')), /cancel it, move it/);
  });

  it('switches to an existing booking when asked part-way through a new one', async () => {
    const booked = await service.book({
      sessionId: 'small',
      seats: 1,
      attendee: attendee('x'),
      submissionKey: 'kx',
      waitingListOk: false,
    });
    const ref = booked.outcome === 'booked' ? booked.ref : '';
    await bot.say('book a workshop');
    await bot.say('1');
    assert.match(
      allText(await bot.say(`actually, cancel my booking ${ref}`)),
      /email address did you book with/,
    );
    await bot.say('personx@example.org');
    assert.match(allText(await bot.say('yes')), /is cancelled/);
  });

  it('moves a booking to another session by reference', async () => {
    const booked = await service.book({
      sessionId: 'small',
      seats: 2,
      attendee: attendee('m'),
      submissionKey: 'km',
      waitingListOk: false,
    });
    const ref = booked.outcome === 'booked' ? booked.ref : '';
    await bot.say('I need to change my workshop booking');
    await bot.say(`it's ${ref}`);
    const options = await bot.say('personm@example.org');
    assert.match(allText(options), /Which session would you like to move to/);
    assert.doesNotMatch(allText(options), /1\. Test session small/);
    const moved = await bot.say('the online one in february');
    assert.match(allText(moved), /Your booking has moved/);
    assert.equal(refIn(moved), ref);
    assert.ok(moved.flatMap((a) => a.attachments ?? []).some((a) => a.contentType === 'text/calendar'));
    assert.equal((await service.find(ref, 'personm@example.org'))?.session.id, 'big');
    assert.equal((await service.availability('small'))?.seatsLeft, 3);
  });

  it('says so when no session fits the month asked for, and shows the closest', async () => {
    const replies = allText(await bot.say('book a place on the online one in december'));
    assert.match(replies, /no sessions in the month you asked for/);
    assert.match(replies, /1\. Test session big/);
    assert.doesNotMatch(replies, /Test session small/);
  });

  it('shows partner-agency sessions first to Teams users', async () => {
    const teams = await startSignupBot({ channelId: 'msteams' });
    try {
      const list = allText(await teams.say('book a workshop'));
      assert.match(list, /1\. Test session partners/);
    } finally {
      await teams.close();
    }
    assert.match(allText(await bot.say('book a workshop')), /1\. Test session small/);
  });

  describe('the one-step booking form (a card submission)', () => {
    const form = {
      journey: 'workshop',
      action: 'workshop.book',
      sessionId: 'big',
      seats: '2',
      consent: 'true',
      name: 'Sam Patel',
      email: 'sam@example.org',
      submissionKey: 'form-submission-1',
    };

    it('books once however often the same submission arrives (double tap, retry)', async () => {
      const ref = refIn(await bot.say({ text: '', value: form }));
      for (let i = 0; i < 3; i++) {
        const again = allText(await bot.say({ text: '', value: form }));
        for (const other of again.match(new RegExp(REF.source, 'g')) ?? []) assert.equal(other, ref);
      }
      const entries = (await doc('big'))?.entries ?? [];
      assert.deepEqual(
        entries.map((e) => e.ref),
        [ref],
      );
    });

    for (const [what, forged, message] of [
      ['a forged session id', { sessionId: 'no-such-session' }, /not one you can book/],
      ['a past session', { sessionId: 'past' }, /not one you can book/],
      ['an impossible seat count', { seats: '5' }, /between 1 and 4/],
      ['a negative seat count', { seats: -2 }, /could not be read|between/],
      ['missing consent', { consent: 'false' }, /agree/],
      ['a bad email', { email: 'sam@' }, /email address/],
    ] as const) {
      it(`refuses ${what} with a clear message and writes nothing`, async () => {
        const replies = await bot.say({ text: '', value: { ...form, ...forged } });
        assert.match(allText(replies), message);
        assert.match(allText(replies), /Nothing has been booked/);
        assert.deepEqual(await bot.services.store.records.list(SESSIONS_COLLECTION), []);
      });
    }
  });
});
