import assert from 'node:assert/strict';
import { loadContent } from '../../src/content/content.js';
import { filterSessions, pickSession, readBookingText } from '../../src/signups/bookingText.js';
import { checkEmail, checkName, checkPhone, isSkip } from '../../src/signups/contactDetails.js';
import { findReference } from '../../src/signups/references.js';
import { WardMatcher } from '../../src/signups/wardMatcher.js';
import { NOW } from './support.js';

describe('signups: content, ward matching and free text', () => {
  it('loads 19 wards, 3 of them flagged unconfirmed, and every commitment 4i role', async () => {
    const content = await loadContent();
    assert.equal(content.wards.all.length, 19);
    assert.deepEqual(
      content.wards.all.filter((w) => w.unconfirmed).map((w) => w.id),
      ['old-malden', 'surbiton-hill', 'tolworth'],
    );
    const roles = content.volunteering.all.map((r) => r.id);
    for (const id of ['neighbourhood-watch-member', 'neighbourhood-watch-coordinator', 'police-ward-panel'])
      assert.ok(roles.includes(id), id);
    assert.ok(content.workshops.upcoming(NOW).some((s) => s.audience === 'partners'));
    assert.ok(content.workshops.upcoming(NOW).some((s) => s.format === 'online'));
  });

  it('matches wards forgivingly, and asks when a place spans several wards', async () => {
    const matcher = new WardMatcher((await loadContent()).wards);
    const one = (text: string) => {
      const m = matcher.match(text);
      return m.kind === 'ward' ? m.ward.id : m.kind === 'several' ? m.wards.map((w) => w.id) : undefined;
    };
    assert.equal(one('st marks'), 'st-marks-and-seething-wells');
    assert.equal(one("I live in St. Mark's"), 'st-marks-and-seething-wells');
    assert.equal(one('norbitton'), 'norbiton');
    assert.equal(one('Canbury gardns'), 'canbury-gardens');
    assert.equal(one('king georges'), 'king-georges-and-sunray');
    assert.equal(one('surbiton hill'), 'surbiton-hill');
    assert.equal(one('tolworth'), 'tolworth');
    const surbiton = one('surbiton');
    assert.ok(Array.isArray(surbiton) && surbiton.includes('st-marks-and-seething-wells'));
    const malden = one('new maldon');
    assert.ok(Array.isArray(malden) && malden.includes('new-malden-village'));
    assert.equal(one('london'), undefined);
    assert.equal(one('look'), undefined, 'short names need an exact match');
    assert.equal(one('i want to volunteer'), undefined);
  });

  it('reads booking wishes from free text', () => {
    assert.deepEqual(readBookingText('book 2 places on the online one next month', NOW), {
      intent: 'book',
      seats: 2,
      format: 'online',
      month: { year: 2026, month: 12 },
    });
    assert.equal(readBookingText('can we come, for three people, in January', NOW).month?.year, 2027);
    assert.equal(readBookingText('me and my friend would like to come', NOW).seats, 2);
    assert.equal(readBookingText('please cancel hc 7kq4m 2xd9p', NOW).intent, 'cancel');
    assert.equal(readBookingText('please cancel hc 7kq4m 2xd9p', NOW).ref, 'HC-7KQ4M-2XD9P');
    assert.equal(readBookingText('can I move to a different date', NOW).intent, 'move');
    assert.equal(readBookingText('training for 6 colleagues', NOW).audience, 'partners');
    assert.equal(readBookingText('I need to change my workshop booking', NOW).intent, 'move');
    assert.equal(readBookingText('manage my workshop booking', NOW).intent, 'lookup');
    assert.equal(readBookingText('can I check when the workshops are?', NOW).intent, undefined);
    assert.equal(readBookingText('how can I change things in my area', NOW).intent, undefined);
    assert.equal(findReference('my ref is HC-ABCDE-FGH23 thanks'), 'HC-ABCDE-FGH23');
    assert.equal(findReference('HC-ABCDE-FGH10'), undefined, '0 and 1 are not in the alphabet');
  });

  it('narrows and picks sessions from free text, ignoring hints that rule out everything', async () => {
    const offered = (await loadContent()).workshops.upcoming(NOW).map((session) => ({ session }));
    const online = filterSessions(offered, readBookingText('the online one next month', NOW));
    assert.ok(online.length > 0 && online.every((o) => o.session.format === 'online'));
    assert.equal(pickSession('2', offered, NOW)?.session.id, offered[1].session.id);
    assert.equal(pickSession('the second one', offered, NOW)?.session.id, offered[1].session.id);
    assert.equal(
      pickSession('the one in new malden', offered, NOW)?.session.id,
      'community-new-malden-2027-02',
    );
    assert.equal(pickSession('march', offered, NOW)?.session.id, 'partners-guildhall-2027-03');
    assert.equal(pickSession('banana', offered, NOW), undefined);
    assert.equal(pickSession('99', offered, NOW), undefined);
  });

  it('checks names, emails and phone numbers with messages that say how to fix them', () => {
    assert.deepEqual(checkEmail(' Sam@Example.ORG '), { ok: true, value: 'Sam@example.org' });
    for (const bad of ['sam', 'sam@', 'sam@example', 'sam @example.org', 'a..b@example.org', 'sam@example.c'])
      assert.equal(checkEmail(bad).ok, false, bad);
    assert.equal(checkName('x').ok, false);
    assert.equal(checkName('<script>').ok, false);
    assert.deepEqual(checkName('  Sam   Patel '), { ok: true, value: 'Sam Patel' });
    assert.deepEqual(checkPhone('+44 7700 900123'), { ok: true, value: '07700 900123' });
    assert.equal(checkPhone('12345').ok, false);
    assert.ok(isSkip('skip') && isSkip('No thanks') && !isSkip('07700 900123'));
  });
});
