// Two bot processes, as two App Service instances, share one Azurite. 200 people book the last
// 20 places of one workshop at the same time through /api/messages (the one-step booking form),
// spread across both processes: exactly 20 seats, no one twice, no waiting-list entry lost, and
// each person told what was stored.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { bookingActivity } from '../../bench/support/bookingKnowledge.js';
import { SESSIONS_COLLECTION, type SessionDocument } from '../../src/signups/bookingRecords.js';
import { createBlobStore } from '../../src/store/blobStore.js';
import { useAzurite } from '../support/azurite.js';
import { startBookingBot, type BookingBot } from '../support/bookingBots.js';

const SESSION = { id: 'last-twenty', capacity: 20, maxSeatsPerBooking: 1, waitingList: 200 };

describe('two bot processes sharing one Azurite', function () {
  this.timeout(90_000);
  const azurite = useAzurite('the two-bot-process test');

  it('200 concurrent bookings for 20 seats across both: exactly 20 seats, no duplicates, no lost waiting-list entries', async () => {
    const env = {
      STORAGE: 'blob',
      AZURE_STORAGE_CONNECTION_STRING: azurite().connectionString,
      AZURE_STORAGE_CONTAINER: `bots-${randomUUID()}`,
    };
    const bots: BookingBot[] = await Promise.all([
      startBookingBot(env, [SESSION]),
      startBookingBot(env, [SESSION]),
    ]);
    let stopped = false;
    try {
      const requests = Array.from({ length: 200 }, (_, i) => bookingActivity(SESSION.id, `two-bots-${i}`));
      const answers = await Promise.all(
        requests.map(async (activity, i) => {
          const res = await fetch(`${bots[i % 2].url}/api/messages`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(activity),
          });
          assert.equal(res.status, 200, `booking ${i} answered ${res.status}`);
          return JSON.stringify(await res.json());
        }),
      );
      const stats = await Promise.all(bots.map((b) => b.stop()));
      stopped = true;

      const store = await createBlobStore({
        connectionString: env.AZURE_STORAGE_CONNECTION_STRING,
        containerName: env.AZURE_STORAGE_CONTAINER,
      });
      const doc = await store.records.get<SessionDocument>(SESSIONS_COLLECTION, SESSION.id);
      await store.close();
      assert.ok(doc, 'the session document was written');

      const booked = doc.entries.filter((e) => e.status === 'booked');
      const waiting = doc.entries.filter((e) => e.status === 'waiting');
      assert.equal(
        booked.reduce((n, e) => n + e.seats, 0),
        20,
        'exactly 20 seats',
      );
      assert.equal(waiting.length, 180, 'no waiting-list entry lost');
      assert.equal(doc.entries.length, 200, 'one entry per booking');
      const emails = doc.entries.map((e) => e.attendee?.email);
      const sent = requests.map((a) => (a.value as { email: string }).email);
      assert.equal(new Set(emails).size, 200, 'no one twice');
      assert.deepEqual([...emails].sort(), [...sent].sort(), 'every person who booked is there');
      assert.equal(new Set(doc.entries.map((e) => e.ref)).size, 200, 'references are unique');

      // Each person was told the reference that was stored for them, and nobody else's.
      const byEmail = new Map(doc.entries.map((e) => [e.attendee?.email, e]));
      requests.forEach((activity, i) => {
        const entry = byEmail.get((activity.value as { email: string }).email)!;
        assert.ok(answers[i].includes(entry.ref), `booking ${i} was not told its reference`);
        const told = answers[i].match(/HC-[A-Z2-9]{5}-[A-Z2-9]{5}/g) ?? [];
        assert.ok(
          told.every((ref) => ref === entry.ref),
          `booking ${i} was told another reference`,
        );
        assert.equal(
          /waiting list/i.test(answers[i]),
          entry.status === 'waiting',
          `booking ${i}: seat or waiting list`,
        );
      });
      assert.ok(
        stats.every((s) => s.exhausted === 0),
        'no booking gave up',
      );
      assert.ok(stats[0].conflicts + stats[1].conflicts > 0, 'the two processes really did contend');
    } finally {
      if (!stopped) await Promise.allSettled(bots.map((b) => b.stop()));
    }
  });
});
