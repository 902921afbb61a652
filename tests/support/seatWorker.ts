// A separate Node process that books seats on one shared event document through a Store, for the
// two-process tests and the storage benchmark. It opens the store, says "ready" on stdout, waits
// for "go" on stdin (so that every process starts at once), runs all its bookings concurrently,
// then prints one JSON line with what each booking got, and exits.
//
// argv[2]: JSON SeatWorkerJob.
import { createInterface } from 'node:readline';
import { createBlobStore } from '../../src/store/blobStore.js';
import type { RecordStore } from '../../src/store/store.js';

export interface SeatWorkerJob {
  connectionString: string;
  containerName: string;
  collection: string;
  eventId: string;
  seats: number;
  /** The people this process books for; each books once. */
  people: string[];
  /** Spread the people over this many events (eventId-0, eventId-1, ...) instead of one. */
  events?: number;
  /** At most this many bookings under way at once (default: all at once). */
  inFlight?: number;
}

export interface SeatEvent {
  seats: number;
  granted: string[];
  waiting: string[];
}

export type SeatOutcome = 'granted' | 'waiting' | 'duplicate';

export interface SeatWorkerReport {
  outcomes: Record<string, SeatOutcome>;
  elapsedMs: number;
  conflicts: number;
  exhausted: number;
  errors: string[];
}

/** The booking rule: a seat while any are left, else the waiting list; never twice. Pure. */
export function bookSeat(
  records: RecordStore,
  job: Pick<SeatWorkerJob, 'collection' | 'eventId' | 'seats'>,
  person: string,
) {
  return records.update<SeatEvent, SeatOutcome>(job.collection, job.eventId, (current) => {
    const event = current ?? { seats: job.seats, granted: [], waiting: [] };
    if (event.granted.includes(person) || event.waiting.includes(person))
      return { value: event, result: 'duplicate' };
    if (event.granted.length < event.seats)
      return { value: { ...event, granted: [...event.granted, person] }, result: 'granted' };
    return { value: { ...event, waiting: [...event.waiting, person] }, result: 'waiting' };
  });
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2] ?? '{}') as SeatWorkerJob;
  const store = await createBlobStore({
    connectionString: job.connectionString,
    containerName: job.containerName,
  });
  process.stdout.write('ready\n');
  await new Promise<void>((resolve) => {
    const lines = createInterface({ input: process.stdin });
    lines.on('line', (line) => {
      if (line.trim() === 'go') {
        lines.close();
        resolve();
      }
    });
  });
  const started = performance.now();
  const outcomes: Record<string, SeatOutcome> = {};
  const errors: string[] = [];
  let next = 0;
  const book = async () => {
    while (next < job.people.length) {
      const i = next++;
      const person = job.people[i];
      const eventId = job.events ? `${job.eventId}-${i % job.events}` : job.eventId;
      try {
        outcomes[person] = await bookSeat(store.records, { ...job, eventId }, person);
      } catch (error) {
        errors.push(`${person}: ${(error as Error).message}`);
      }
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(job.inFlight ?? job.people.length, job.people.length) }, book),
  );
  const elapsedMs = performance.now() - started;
  await store.close();
  const report: SeatWorkerReport = { outcomes, elapsedMs, ...store.stats, errors };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

if (process.argv[1]?.endsWith('seatWorker.js')) {
  main().catch((error: unknown) => {
    process.stderr.write(`seat worker failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
