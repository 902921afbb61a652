// Issue 9 benchmark: record updates per second and booking-like contended updates on the Azure
// Blob store (against Azurite) beside lowdb, in one process and in two processes sharing one
// Azurite, with the ETag conflicts the blob store met and retried: straight through the store,
// as workshop bookings through /api/messages (the signups journey's one-step form, the real bot),
// and as ordinary message turns. Prints one JSON line.
// Run: npm run build && npm run bench:storage   (BENCH_SCALE=0.2 for a quick run)
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { projectRoot } from '../src/paths.js';
import { createBlobStore } from '../src/store/blobStore.js';
import { createLowdbStore } from '../src/store/lowdbStore.js';
import type { Store } from '../src/store/store.js';
import { startAzurite, type Azurite } from '../tests/support/azurite.js';
import { bookSeat, type SeatEvent, type SeatWorkerJob } from '../tests/support/seatWorker.js';
import { runSeatWorkers } from '../tests/support/seatWorkers.js';
import { startBookingBot, type BookingBot } from '../tests/support/bookingBots.js';
import { SESSIONS_COLLECTION, type SessionDocument } from '../src/signups/bookingRecords.js';
import { bookingActivity } from './support/bookingKnowledge.js';
import { messageLoad, startServer, stopServer, type MessageLoad } from './support/processes.js';

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const UPDATES = Math.max(100, Math.round(2000 * SCALE));
const DOCUMENTS = 100;
const IN_FLIGHT = 50;
const BOOKINGS = 200;
const SEATS = 20;
const MESSAGE_SECONDS = Math.max(2, Math.round(5 * SCALE));
const CONNECTIONS = 10;
const BOT = path.join(projectRoot, 'dist/src/index.js');

function mergeCounts(counts: Record<string, number>[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const c of counts) for (const [k, n] of Object.entries(c)) total[k] = (total[k] ?? 0) + n;
  return total;
}

const round = (n: number, digits = 0) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Runs `count` tasks with at most `limit` at once. */
async function pool(count: number, limit: number, task: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, count) }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

/** Independent updates: counters spread over DOCUMENTS documents, IN_FLIGHT at a time. */
async function updatesPerSecond(store: Store): Promise<number> {
  const started = performance.now();
  await pool(UPDATES, IN_FLIGHT, (i) =>
    store.records.update<{ n: number }, void>('bench-counters', `c${i % DOCUMENTS}`, (cur) => ({
      value: { n: (cur?.n ?? 0) + 1 },
      result: undefined,
    })),
  );
  return round(UPDATES / ((performance.now() - started) / 1000));
}

interface Contended {
  bookingsPerSec: number;
  granted: number;
  waiting: number;
  correct: boolean;
}

/** BOOKINGS people book SEATS seats on one event, all at once. */
async function contendedBookings(store: Store): Promise<Contended> {
  const job = { collection: 'bench-events', eventId: `e-${randomUUID()}`, seats: SEATS };
  const started = performance.now();
  await Promise.all(Array.from({ length: BOOKINGS }, (_, i) => bookSeat(store.records, job, `p${i}`)));
  const elapsed = performance.now() - started;
  const event = await store.records.get<SeatEvent>(job.collection, job.eventId);
  return check(event, elapsed);
}

function check(event: SeatEvent | undefined, elapsedMs: number): Contended {
  const granted = event?.granted.length ?? 0;
  const waiting = event?.waiting.length ?? 0;
  const everyone = new Set([...(event?.granted ?? []), ...(event?.waiting ?? [])]);
  return {
    bookingsPerSec: round(BOOKINGS / (elapsedMs / 1000)),
    granted,
    waiting,
    correct: granted === SEATS && waiting === BOOKINGS - SEATS && everyone.size === BOOKINGS,
  };
}

async function lowdb() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'skbench-lowdb-'));
  const store = await createLowdbStore(dir);
  try {
    return { updatesPerSec: await updatesPerSecond(store), contended: await contendedBookings(store) };
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function blobOneProcess(azurite: Azurite) {
  const store = await createBlobStore({
    connectionString: azurite.connectionString,
    containerName: `b-${randomUUID()}`,
  });
  try {
    const updatesPerSec = await updatesPerSecond(store);
    // One process queues changes to one document itself, so it meets no conflicts here.
    const contended = await contendedBookings(store);
    return { updatesPerSec, contended, ...store.stats };
  } finally {
    await store.close();
  }
}

/** Two processes on one Azurite: the same bookings split between them, on one event or spread. */
async function blobTwoProcesses(azurite: Azurite, events?: number) {
  const containerName = `b2-${randomUUID()}`;
  const people = Array.from({ length: events ? UPDATES : BOOKINGS }, (_, i) => `p${i}`);
  const base: Omit<SeatWorkerJob, 'people'> = {
    connectionString: azurite.connectionString,
    containerName,
    collection: 'bench-events',
    eventId: 'e',
    seats: events ? UPDATES : SEATS,
    events,
    inFlight: events ? IN_FLIGHT / 2 : undefined,
  };
  const reports = await runSeatWorkers([
    { ...base, people: people.filter((_, i) => i % 2 === 0) },
    { ...base, people: people.filter((_, i) => i % 2 === 1) },
  ]);
  const elapsed = Math.max(...reports.map((r) => r.elapsedMs));
  const conflicts = reports.reduce((n, r) => n + r.conflicts, 0);
  const exhausted = reports.reduce((n, r) => n + r.exhausted, 0);
  const errors = reports.reduce((n, r) => n + r.errors.length, 0);
  if (events)
    return {
      updatesPerSec: round(people.length / (elapsed / 1000)),
      documents: events,
      conflicts,
      exhausted,
      errors,
    };
  const store = await createBlobStore({ connectionString: azurite.connectionString, containerName });
  const event = await store.records.get<SeatEvent>('bench-events', 'e');
  await store.close();
  return {
    ...check(event, elapsed),
    conflicts,
    conflictsPerBooking: round(conflicts / BOOKINGS, 2),
    exhausted,
    errors,
  };
}

const HTTP_IN_FLIGHT = 20;
const HTTP_SESSION = { id: 'bench-twenty', capacity: SEATS, maxSeatsPerBooking: 1, waitingList: 10_000 };

/** BOOKINGS one-step booking forms for SEATS seats, HTTP_IN_FLIGHT at a time, spread over the bots. */
async function httpBookings(bots: BookingBot[], open: () => Promise<Store>) {
  let errors = 0;
  const started = performance.now();
  await pool(BOOKINGS, HTTP_IN_FLIGHT, async (i) => {
    const res = await fetch(`${bots[i % bots.length].url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(bookingActivity(HTTP_SESSION.id, `bench-${i}`)),
    });
    if (!res.ok) errors++;
    await res.arrayBuffer();
  });
  const elapsed = performance.now() - started;
  const stats = await Promise.all(bots.map((b) => b.stop()));
  const store = await open();
  const doc = await store.records.get<SessionDocument>(SESSIONS_COLLECTION, HTTP_SESSION.id);
  await store.close();
  const booked = doc?.entries.filter((e) => e.status === 'booked').length ?? 0;
  const waiting = doc?.entries.filter((e) => e.status === 'waiting').length ?? 0;
  return {
    bookingsPerSec: round(BOOKINGS / (elapsed / 1000)),
    booked,
    waiting,
    correct: booked === SEATS && waiting === BOOKINGS - SEATS && errors === 0,
    conflicts: stats.reduce((n, s) => n + s.conflicts, 0),
    exhausted: stats.reduce((n, s) => n + s.exhausted, 0),
    conflictsByCollection: mergeCounts(stats.map((s) => s.byCollection)),
    errors,
  };
}

async function bookingsOverHttp(azurite: Azurite | undefined) {
  const out: Record<string, unknown> = { inFlight: HTTP_IN_FLIGHT };
  const dir = await mkdtemp(path.join(os.tmpdir(), 'skbench-httpbook-'));
  try {
    out.lowdb = await httpBookings([await startBookingBot({ DATA_DIR: dir }, [HTTP_SESSION])], () =>
      createLowdbStore(dir),
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  if (!azurite) return out;
  const blob = (containerName: string) => ({
    env: {
      STORAGE: 'blob',
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      AZURE_STORAGE_CONTAINER: containerName,
    },
    open: () => createBlobStore({ connectionString: azurite.connectionString, containerName }),
  });
  const one = blob(`h1-${randomUUID()}`);
  out.blobOneProcess = await httpBookings([await startBookingBot(one.env, [HTTP_SESSION])], one.open);
  const two = blob(`h2-${randomUUID()}`);
  out.blobTwoProcesses = await httpBookings(
    await Promise.all([startBookingBot(two.env, [HTTP_SESSION]), startBookingBot(two.env, [HTTP_SESSION])]),
    two.open,
  );
  return out;
}

/** /api/messages turns (expectReplies) in 200 conversations, so state is read and written each time. */
function messageLoadOn(url: string, connections: number, prefix: string): Promise<MessageLoad> {
  return messageLoad(url, { connections, seconds: MESSAGE_SECONDS, prefix, conversations: 200 });
}

/** The real service, one process on lowdb, one on blob, and two on one blob container. */
async function messages(azurite: Azurite | undefined) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'skbench-msg-'));
  const out: Record<string, unknown> = { seconds: MESSAGE_SECONDS, connections: CONNECTIONS };
  try {
    const lowdbBot = await startServer(BOT, { DATA_DIR: dir });
    out.lowdb = await messageLoadOn(lowdbBot.url, CONNECTIONS, 'lowdb');
    await stopServer(lowdbBot);
    if (!azurite) return out;
    const env = {
      STORAGE: 'blob',
      AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString,
      AZURE_STORAGE_CONTAINER: `m-${randomUUID()}`,
    };
    const one = await startServer(BOT, env);
    out.blobOneProcess = await messageLoadOn(one.url, CONNECTIONS, 'blob1');
    const two = await startServer(BOT, env);
    // The same total connections, half to each process, as a load balancer would spread them.
    const [a, b] = await Promise.all([
      messageLoadOn(one.url, CONNECTIONS / 2, 'blob2a'),
      messageLoadOn(two.url, CONNECTIONS / 2, 'blob2b'),
    ]);
    out.blobTwoProcesses = {
      rps: a.rps + b.rps,
      medianMs: Math.max(a.medianMs, b.medianMs),
      p99Ms: Math.max(a.p99Ms, b.p99Ms),
      errors: a.errors + b.errors,
    };
    await Promise.all([stopServer(one), stopServer(two)]);
    return out;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const result: Record<string, unknown> = {
    bench: 'storage',
    node: process.version,
    updates: UPDATES,
    documents: DOCUMENTS,
    inFlight: IN_FLIGHT,
    bookings: BOOKINGS,
    seats: SEATS,
    lowdb: await lowdb(),
  };
  let azurite: Azurite | undefined;
  try {
    azurite = await startAzurite();
  } catch (error) {
    result.blob = { skipped: `Azurite could not start: ${(error as Error).message}` };
    result.bookingsOverHttp = await bookingsOverHttp(undefined);
    result.messages = await messages(undefined);
  }
  if (azurite) {
    try {
      result.blobOneProcess = await blobOneProcess(azurite);
      result.blobTwoProcesses = {
        spread: await blobTwoProcesses(azurite, DOCUMENTS),
        contended: await blobTwoProcesses(azurite),
      };
      result.bookingsOverHttp = await bookingsOverHttp(azurite);
      result.messages = await messages(azurite);
    } finally {
      await azurite.stop();
    }
  }
  console.log(JSON.stringify(result));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
