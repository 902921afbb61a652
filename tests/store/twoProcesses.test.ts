// Two separate Node processes, each with its own blob store, book seats on one event document in
// one Azurite at the same time. Only the ETag checks stand between them and overbooking.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createBlobStore } from '../../src/store/blobStore.js';
import { useAzurite } from '../support/azurite.js';
import type { SeatEvent, SeatOutcome } from '../support/seatWorker.js';
import { runSeatWorkers } from '../support/seatWorkers.js';

describe('two processes sharing one Azurite', function () {
  this.timeout(60_000);
  const azurite = useAzurite('the two-process tests');

  it('200 concurrent bookings for 20 seats across two processes: exactly 20 seats, none twice, none lost', async () => {
    const containerName = `two-${randomUUID()}`;
    const people = Array.from({ length: 200 }, (_, i) => `person-${i}`);
    const base = {
      connectionString: azurite().connectionString,
      containerName,
      collection: 'events',
      eventId: 'workshop-1',
      seats: 20,
    };
    // Interleaved, so both processes hold bookings from start to end of the list.
    const reports = await runSeatWorkers([
      { ...base, people: people.filter((_, i) => i % 2 === 0) },
      { ...base, people: people.filter((_, i) => i % 2 === 1) },
    ]);

    for (const r of reports) assert.deepEqual(r.errors, []);
    const outcomes: Record<string, SeatOutcome> = Object.assign({}, ...reports.map((r) => r.outcomes));
    assert.equal(Object.keys(outcomes).length, 200, 'every booking got an answer');

    const store = await createBlobStore({ connectionString: azurite().connectionString, containerName });
    const event = await store.records.get<SeatEvent>('events', 'workshop-1');
    await store.close();
    assert.ok(event);
    assert.equal(event.granted.length, 20, 'exactly 20 seats');
    assert.equal(new Set(event.granted).size, 20, 'no one holds two seats');
    assert.equal(event.waiting.length, 180, 'no waiting-list entry lost');
    assert.deepEqual([...event.granted, ...event.waiting].sort(), [...people].sort(), 'each person once');

    // What each process told its caller is what was stored.
    const told = (o: SeatOutcome) =>
      Object.keys(outcomes)
        .filter((p) => outcomes[p] === o)
        .sort();
    assert.deepEqual(told('granted'), [...event.granted].sort());
    assert.deepEqual(told('waiting'), [...event.waiting].sort());
    assert.deepEqual(told('duplicate'), []);
    // The processes really did contend.
    assert.ok(
      reports[0].conflicts + reports[1].conflicts > 0,
      'the processes should have met ETag conflicts',
    );
  });
});
