import assert from 'node:assert/strict';
import { isoWeek } from '../../src/insights/isoWeek.js';
import { BookingService } from '../../src/signups/bookingService.js';
import { InterestService, WARD_NOT_KNOWN } from '../../src/signups/interestService.js';
import { eraseHeld, findHeld } from '../../src/signups/personalData.js';
import { attendeesCsv, interestsCsv, workshopStats } from '../../src/signups/staffExports.js';
import { allText, type TestBot } from '../support/botHarness.js';
import { startSignupBot } from './botSupport.js';
import { NOW } from './support.js';

describe('signups: what the staff area reads', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startSignupBot();
  });
  afterEach(() => bot.close());

  it('counts places per session and lists attendees as CSV that a spreadsheet cannot run', async () => {
    const { records } = bot.services.store;
    const { content } = bot.services;
    const bookings = new BookingService(records, content.workshops, () => NOW);
    await bookings.book({
      sessionId: 'small',
      seats: 2,
      attendee: { name: '=HYPERLINK("x") "Sam"', email: 'sam@example.org' },
      submissionKey: 'a1',
      waitingListOk: false,
    });
    await bookings.book({
      sessionId: 'small',
      seats: 2,
      attendee: { name: 'Wai', email: 'wai@example.org' },
      submissionKey: 'a2',
      waitingListOk: true,
    });
    const small = (await workshopStats(records, content)).find((w) => w.id === 'small');
    assert.deepEqual(small && [small.capacity, small.booked, small.waiting], [3, 2, 1]);
    const csv = await attendeesCsv(records, content, 'small');
    assert.ok(csv);
    assert.match(csv, /^reference,status,places,name,email,phone/);
    assert.match(csv, /"'=HYPERLINK\(""x""\) ""Sam"""/);
    assert.match(csv, /"waiting","2","Wai","wai@example.org"/);
    // Exactly the header and the two people: nothing else, in booking order.
    const rows = csv.trim().split(/\r?\n/);
    assert.equal(rows.length, 3);
    assert.match(rows[1], /"booked","2"/);
    assert.match(rows[2], /"waiting","2"/);
    assert.equal(await attendeesCsv(records, content, 'no-such-session'), undefined);
  });

  it('lists volunteering interests with ward and role names', async () => {
    const { records } = bot.services.store;
    const { content } = bot.services;
    await new InterestService(records, content.volunteering, content.wards, () => NOW).record({
      roleId: 'police-ward-panel',
      wardId: 'st-marks-and-seething-wells',
      contact: { name: 'Sam', email: 'sam@example.org', phone: '07700 900123' },
      consent: true,
      submissionKey: 'i1',
    });
    const csv = await interestsCsv(records, content);
    assert.match(csv, /^ward,role,name,email,phone,recorded\r\n/);
    assert.match(
      csv,
      /"St Mark's & Seething Wells","Police Ward Panel member","Sam","sam@example.org","07700 900123"/,
    );
  });

  it('names interest from someone who did not know their ward, never by its id', async () => {
    const { records } = bot.services.store;
    const { content } = bot.services;
    await new InterestService(records, content.volunteering, content.wards, () => NOW).record({
      roleId: 'community-action-days',
      wardId: WARD_NOT_KNOWN,
      contact: { name: 'Jo', email: 'jo@example.org' },
      consent: true,
      submissionKey: 'i2',
    });
    const csv = await interestsCsv(records, content);
    assert.match(csv, new RegExp(`^"${content.staffDashboard.wardNotKnown}","`, 'm'));
    assert.doesNotMatch(csv, new RegExp(WARD_NOT_KNOWN));
  });

  it('counts cancelled bookings apart from places: a cancellation is one, whatever its places', async () => {
    const { records } = bot.services.store;
    const { content } = bot.services;
    const bookings = new BookingService(records, content.workshops, () => NOW);
    const refs: string[] = [];
    for (const [i, seats] of [3, 2, 1].entries()) {
      const booked = await bookings.book({
        sessionId: 'big',
        seats,
        attendee: { name: `P${i}`, email: `p${i}@example.org` },
        submissionKey: `c${i}`,
        waitingListOk: false,
      });
      refs.push(booked.outcome === 'booked' ? booked.ref : '');
    }
    assert.equal((await bookings.cancel(refs[0]!, 'p0@example.org')).outcome, 'cancelled');
    const big = (await workshopStats(records, content)).find((w) => w.id === 'big');
    assert.deepEqual(
      big && [big.booked, big.cancelled],
      [3, 1],
      'three places booked, one booking cancelled',
    );
  });

  it('counts bookings for the dashboard without personal data', async () => {
    await bot.say({
      text: '',
      value: {
        journey: 'workshop',
        action: 'workshop.book',
        sessionId: 'big',
        seats: 3,
        consent: true,
        name: 'Sam Patel',
        email: 'sam@example.org',
        submissionKey: 'dashboard-1',
      },
    });
    assert.match(allText(await bot.say('no')), /.+/);
    const weeks = await bot.services.insights.weeks([isoWeek(NOW)]);
    const counts = JSON.stringify(weeks);
    assert.match(counts, /booking\|booked\|big/);
    assert.doesNotMatch(counts, /sam@example\.org|Sam Patel/);
  });
});

describe('signups: what is held about someone, and erasing it', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startSignupBot();
  });
  afterEach(() => bot.close());

  it('shows and erases a booking and an interest by reference and email only', async () => {
    const { records } = bot.services.store;
    const { content } = bot.services;
    const now = () => NOW;
    const booked = await new BookingService(records, content.workshops, now).book({
      sessionId: 'big',
      seats: 1,
      attendee: { name: 'Sam Patel', email: 'sam@example.org' },
      submissionKey: 'held-1',
      waitingListOk: false,
    });
    const interest = await new InterestService(records, content.volunteering, content.wards, now).record({
      roleId: 'community-action-days',
      wardId: 'tudor',
      contact: { name: 'Sam Patel', email: 'sam@example.org' },
      consent: true,
      submissionKey: 'held-2',
    });
    const hc = booked.outcome === 'booked' ? booked.ref : '';
    const vi = interest.outcome === 'recorded' ? interest.ref : '';
    assert.equal(await findHeld(records, content, hc, 'other@example.org', now), undefined);
    const held = await findHeld(records, content, hc, 'sam@example.org', now);
    assert.deepEqual(held?.facts.slice(0, 2), [
      ['Name', 'Sam Patel'],
      ['Email', 'sam@example.org'],
    ]);
    assert.equal(
      (await findHeld(records, content, vi, 'sam@example.org', now))?.kind,
      'volunteering-interest',
    );
    assert.equal(await eraseHeld(records, content, hc, 'other@example.org', now), false);
    assert.equal(await eraseHeld(records, content, hc, 'sam@example.org', now), true);
    assert.equal(await eraseHeld(records, content, vi, 'sam@example.org', now), true);
    assert.equal(await findHeld(records, content, hc, 'sam@example.org', now), undefined);
    assert.equal(await findHeld(records, content, vi, 'sam@example.org', now), undefined);
  });
});
