import assert from 'node:assert/strict';
import { loadContent } from '../../src/content/content.js';
import { calendarFile } from '../../src/signups/calendar.js';
import {
  INTERESTS_COLLECTION,
  InterestService,
  interestRecordSchema,
} from '../../src/signups/interestService.js';
import { purgeSignups } from '../../src/signups/retention.js';
import { parseBookingForm, parseInterestForm } from '../../src/signups/submissions.js';
import { NOW, tempStore } from './support.js';

describe('signups: card submissions, interests and calendar files', () => {
  const form = {
    action: 'workshop.book',
    sessionId: 'community-online-2027-01',
    seats: '2',
    consent: 'true',
    name: 'Sam Patel',
    email: 'sam@example.org',
    submissionKey: 'abcdefgh1234',
  };

  it('accepts a well-formed booking form', async () => {
    const parsed = parseBookingForm(form, await loadContent(), NOW);
    assert.equal(parsed.ok && parsed.seats, 2);
    assert.equal(parsed.ok && parsed.session.id, 'community-online-2027-01');
  });

  it('refuses forged session ids, seat counts, missing consent and bad details with a clear message', async () => {
    const content = await loadContent();
    const refused = (value: unknown) => {
      const r = parseBookingForm(value, content, NOW);
      assert.equal(r.ok, false, JSON.stringify(value));
      return r.ok ? '' : r.problem;
    };
    assert.match(refused({ ...form, sessionId: '../../etc/passwd' }), /not one you can book/);
    assert.match(refused({ ...form, seats: '3' }), /between 1 and 2/);
    assert.match(refused({ ...form, seats: -1 }), /could not be read|between/);
    assert.match(refused({ ...form, seats: '1e9' }), /could not be read/);
    assert.match(refused({ ...form, consent: 'false' }), /agree/);
    const { consent: _c, ...noConsent } = form;
    assert.match(refused(noConsent), /could not be read/);
    assert.match(refused({ ...form, email: 'not-an-email' }), /email address/);
    assert.match(refused({ ...form, submissionKey: '../x' }), /could not be read/);
    assert.match(refused('hello'), /could not be read/);
  });

  it('refuses forged interest forms', async () => {
    const content = await loadContent();
    const ok = {
      action: 'volunteer.interest',
      roleId: 'police-ward-panel',
      wardId: 'norbiton',
      consent: true,
      name: 'Sam',
      email: 'sam@example.org',
      submissionKey: 'abcdefgh1234',
    };
    assert.equal(parseInterestForm(ok, content).ok, true);
    assert.equal(parseInterestForm({ ...ok, wardId: 'atlantis' }, content).ok, false);
    assert.equal(parseInterestForm({ ...ok, consent: false }, content).ok, false);
  });

  it('records an interest once per submission, with a delete-after date', async () => {
    const content = await loadContent();
    const t = await tempStore();
    try {
      const service = new InterestService(t.store.records, content.volunteering, content.wards, () => NOW);
      const request = {
        roleId: 'police-ward-panel',
        wardId: 'norbiton',
        contact: { name: 'Sam', email: 'sam@example.org' },
        consent: true as const,
        submissionKey: 'tap-1',
      };
      const first = await service.record(request);
      const again = await service.record(request);
      assert.equal(first.outcome === 'recorded' && first.ref, again.outcome === 'recorded' && again.ref);
      assert.equal(again.outcome === 'recorded' && again.repeated, true);
      const ids = await t.store.records.list(INTERESTS_COLLECTION);
      assert.equal(ids.length, 1);
      const record = interestRecordSchema.parse(await t.store.records.get(INTERESTS_COLLECTION, ids[0]));
      assert.ok(Date.parse(record.deleteAfter) > NOW.getTime());
      assert.equal(
        (await service.record({ ...request, roleId: 'astronaut', submissionKey: 'x' })).outcome,
        'unknown-role',
      );
    } finally {
      await t.dispose();
    }
  });

  it('deletes interests and booking details when their time is up', async () => {
    const content = await loadContent();
    const t = await tempStore();
    try {
      let clock = NOW;
      const service = new InterestService(t.store.records, content.volunteering, content.wards, () => clock);
      await service.record({
        roleId: 'police-ward-panel',
        wardId: 'norbiton',
        contact: { name: 'Sam', email: 'sam@example.org' },
        consent: true,
        submissionKey: 'old',
      });
      assert.deepEqual(await purgeSignups(t.store, content, () => clock, 90), {
        bookings: 0,
        interests: 0,
        callbacks: 0,
        stateItems: 0,
      });
      clock = new Date('2027-06-01T00:00:00Z');
      assert.deepEqual(await purgeSignups(t.store, content, () => clock, 90), {
        bookings: 0,
        interests: 1,
        callbacks: 0,
        stateItems: 0,
      });
      assert.deepEqual(await t.store.records.list(INTERESTS_COLLECTION), []);
    } finally {
      await t.dispose();
    }
  });

  it('writes a calendar file in UTC that names the session and reference but not the person', async () => {
    const session = (await loadContent()).workshops.get('community-surbiton-2027-04');
    assert.ok(session);
    const ics = calendarFile(session, 'HC-ABCDE-FGH23');
    assert.match(ics, /BEGIN:VCALENDAR/);
    assert.match(ics, /DTSTART:20270421T170000Z/, '6pm in London in April is 5pm UTC');
    assert.match(ics, /UID:hc-abcde-fgh23@/);
    assert.match(ics, /HC-ABCDE-FGH23/);
    assert.doesNotMatch(ics, /@example/);
  });
});
