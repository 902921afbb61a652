// Issue 5 benchmark: workshop bookings per second through POST /api/messages (the whole bot, each
// request a one-step booking form in its own conversation) at 10 and 50 connections, and the time
// per booking through the signups service with an empty store against 10,000 bookings stored
// (spread over 100 sessions, and all in the one session being booked).
// Prints one JSON line. Run: npm run build && npm run bench:bookings
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { WorkshopCatalogue, workshopSessionSchema } from '../src/content/workshops.js';
import { projectRoot } from '../src/paths.js';
import { SESSIONS_COLLECTION, type Entry, type SessionDocument } from '../src/signups/bookingRecords.js';
import { BookingService } from '../src/signups/bookingService.js';
import { hashKey, newReference } from '../src/signups/references.js';
import { createLowdbStore } from '../src/store/lowdbStore.js';
import { bookingActivity } from './support/bookingKnowledge.js';
import { startServer, stopServer } from './support/processes.js';

const DURATION_S = Number(process.env.BENCH_DURATION ?? 5);
const TIMED_BOOKINGS = 200;
const ROUNDS = 3;
const STORED = 10_000;
const SERVER = path.join(projectRoot, 'dist/bench/support/bookingServer.js');

interface HttpLoad {
  bookingsPerSec: number;
  bookingsWritten: number;
  medianMs: number;
  p99Ms: number;
  errors: number;
}

async function httpLoad(
  url: string,
  dataDir: string,
  sessionId: string,
  connections: number,
): Promise<HttpLoad> {
  const result = await autocannon({
    url: `${url}/api/messages`,
    connections,
    duration: DURATION_S,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({
          ...req,
          body: JSON.stringify(bookingActivity(sessionId, `c${connections}`)),
        }),
      },
    ],
  });
  // Count what was written, not what was answered: a booking exists only once it is in the file.
  const file = path.join(dataDir, 'records', SESSIONS_COLLECTION, `${sessionId}.json`);
  const doc = JSON.parse(await readFile(file, 'utf8')) as SessionDocument;
  return {
    bookingsPerSec: Math.round((doc.entries.length / result.duration) * 10) / 10,
    bookingsWritten: doc.entries.length,
    medianMs: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

function fakeEntries(count: number, tag: string): Entry[] {
  const at = new Date('2026-11-21T10:00:00Z').toISOString();
  return Array.from({ length: count }, (_, i) => ({
    ref: newReference('HC'),
    seats: 1,
    status: i < 1000 ? 'booked' : 'waiting',
    attendee: { name: 'Stored Person', email: `stored-${tag}-${i}@example.org` },
    submission: hashKey(`stored-${tag}-${i}`),
    createdAt: at,
    updatedAt: at,
  }));
}

/** Mean milliseconds per booking, booking one after another into session "timed". */
async function timePerBooking(seed: 'empty' | 'other-sessions' | 'same-session'): Promise<number> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'skbench-bookings-'));
  const store = await createLowdbStore(dir);
  try {
    const put = (id: string, entries: Entry[]) =>
      store.records.update<SessionDocument, void>(SESSIONS_COLLECTION, id, () => ({
        value: { sessionId: id, version: 1, entries },
        result: undefined,
      }));
    if (seed === 'other-sessions')
      for (let s = 0; s < 100; s++) await put(`stored-${s}`, fakeEntries(STORED / 100, `s${s}`));
    if (seed === 'same-session') await put('timed', fakeEntries(STORED, 'same'));
    const catalogue = new WorkshopCatalogue([
      workshopSessionSchema.parse({
        id: 'timed',
        title: 'Timed session',
        audience: 'community',
        format: 'online',
        venue: { name: 'Online' },
        start: '2099-01-14T10:00',
        end: '2099-01-14T12:00',
        capacity: 1000,
        maxSeatsPerBooking: 1,
        waitingList: 10_000,
        covers: ['Timing'],
        source: 'benchmark',
        reviewed: '2026-11-21',
      }),
    ]);
    const service = new BookingService(store.records, catalogue, () => new Date('2026-11-21T10:00:00Z'));
    const began = performance.now();
    for (let i = 0; i < TIMED_BOOKINGS; i++) {
      await service.book({
        sessionId: 'timed',
        seats: 1,
        attendee: { name: 'Timed Person', email: `timed-${i}@example.org` },
        submissionKey: `timed-${i}`,
        waitingListOk: true,
      });
    }
    return Math.round(((performance.now() - began) / TIMED_BOOKINGS) * 100) / 100;
  } finally {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'skbench-http-'));
  try {
    const server = await startServer(SERVER, { DATA_DIR: dataDir });
    const c10 = await httpLoad(server.url, dataDir, 'bench-c10', 10);
    const c50 = await httpLoad(server.url, dataDir, 'bench-c50', 50);
    await stopServer(server);
    // Three rounds, interleaved, and the median of each: the machine is shared, so single runs wander.
    const rounds: Record<'empty' | 'other-sessions' | 'same-session', number[]> = {
      empty: [],
      'other-sessions': [],
      'same-session': [],
    };
    for (let round = 0; round < ROUNDS; round++)
      for (const seed of ['empty', 'other-sessions', 'same-session'] as const)
        rounds[seed].push(await timePerBooking(seed));
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const empty = median(rounds.empty);
    const otherSessions = median(rounds['other-sessions']);
    const sameSession = median(rounds['same-session']);
    console.log(
      JSON.stringify({
        bench: 'bookings',
        durationSeconds: DURATION_S,
        http: { c10, c50 },
        perBookingMs: {
          path: 'BookingService over the lowdb store, one booking after another',
          bookings: TIMED_BOOKINGS,
          medianOfRounds: ROUNDS,
          emptyStore: empty,
          stored10kInOtherSessions: otherSessions,
          stored10kInSameSession: sameSession,
          ratioOtherSessionsVsEmpty: Math.round((otherSessions / empty) * 100) / 100,
          ratioSameSessionVsEmpty: Math.round((sameSession / empty) * 100) / 100,
        },
      }),
    );
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
