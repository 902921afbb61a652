import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sinon from 'sinon';
import { loadContent, type Content } from '../../src/content/content.js';
import { silentLogger } from '../../src/logger.js';
import { BookingService } from '../../src/signups/bookingService.js';
import { InterestService } from '../../src/signups/interestService.js';
import { scheduleSignupPurge } from '../../src/signups/retention.js';
import { createLowdbStore } from '../../src/store/lowdbStore.js';
import type { Store } from '../../src/store/store.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const RETENTION_DAYS = 90;

async function dataMentions(dir: string, needle: RegExp): Promise<boolean> {
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    // The purge may delete a file between listing and reading it.
    const text = await readFile(path.join(entry.parentPath, entry.name), 'utf8').catch(() => '');
    if (needle.test(text)) return true;
  }
  return false;
}

/** The purge runs asynchronously after its timer fires: wait (in real time) until it has settled. */
async function settle(check: () => Promise<boolean>, want: boolean): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    if ((await check()) === want) return want;
    await new Promise((r) => setImmediate(r));
    await new Promise((r) => globalThis.setTimeout(r, 10));
  }
  return check();
}

describe('retention: the scheduled purge (fake timers)', () => {
  let dir: string;
  let store: Store;
  let content: Content;
  let clock: sinon.SinonFakeTimers;
  let stop: () => void = () => undefined;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'skretention-'));
    store = await createLowdbStore(dir);
    content = await loadContent();
    // Only Date and the interval are faked: file I/O and mocha keep real time.
    clock = sinon.useFakeTimers({
      now: new Date('2026-11-21T09:00:00Z'),
      toFake: ['Date', 'setInterval', 'clearInterval'],
    });
  });
  afterEach(async () => {
    stop();
    clock.restore();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('deletes a booking RETENTION_DAYS after its session, and an interest RETENTION_DAYS after it was given, not before', async () => {
    const now = () => new Date();
    const session = content.workshops.upcoming(now())[0];
    const booked = await new BookingService(store.records, content.workshops, now, RETENTION_DAYS).book({
      sessionId: session.id,
      seats: 1,
      attendee: { name: 'Ada Keeptime', email: 'ada.keeptime@example.org' },
      submissionKey: 'ada',
      waitingListOk: false,
    });
    assert.equal(booked.outcome, 'booked');
    const interest = await new InterestService(
      store.records,
      content.volunteering,
      content.wards,
      now,
      RETENTION_DAYS,
    ).record({
      roleId: content.volunteering.all[0].id,
      wardId: content.wards.all[0].id,
      contact: { name: 'Bo Volunteer', email: 'bo.volunteer@example.org' },
      consent: true,
      submissionKey: 'bo',
    });
    assert.equal(interest.outcome, 'recorded');
    const ada = () => dataMentions(dir, /ada\.keeptime/);
    const bo = () => dataMentions(dir, /bo\.volunteer/);

    // Runs a minute after start: nothing is due yet.
    stop = scheduleSignupPurge(store, content, now, silentLogger, RETENTION_DAYS);
    clock.tick(60 * 1000);
    assert.equal(await settle(ada, true), true);
    assert.equal(await settle(bo, true), true);

    // A day short of the interest's retention period: both kept.
    clock.setSystemTime(new Date(Date.now() + (RETENTION_DAYS - 1) * DAY));
    clock.tick(6 * HOUR);
    assert.equal(await settle(bo, false), true, 'the interest was deleted too early');

    // Past the interest's period, but the booking's session has not ended 90 days ago yet.
    clock.setSystemTime(new Date(Date.now() + 2 * DAY));
    clock.tick(6 * HOUR);
    assert.equal(await settle(bo, false), false, 'the interest was not deleted on schedule');
    const bookingDue = session.end.getTime() + RETENTION_DAYS * DAY;
    if (Date.now() < bookingDue)
      assert.equal(await settle(ada, false), true, 'the booking was deleted too early');

    // Past the booking's period: the next scheduled run deletes it.
    clock.setSystemTime(new Date(bookingDue + HOUR));
    clock.tick(6 * HOUR);
    assert.equal(await settle(ada, false), false, 'the booking was not deleted on schedule');
  });
});
