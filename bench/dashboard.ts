// Issue 8 benchmark: staff dashboard response time with 10,000 bookings, 10,000 volunteering
// interests and 100,000 insight events stored. Prints one JSON line.
// Run: npm run build && npm run bench:dashboard
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { loadContent } from '../src/content/content.js';
import {
  applyEvent,
  INSIGHTS_COLLECTION,
  type InsightEvent,
  type WeekInsights,
} from '../src/insights/insights.js';
import { recentWeeks } from '../src/insights/isoWeek.js';
import { SESSIONS_COLLECTION, type Entry, type SessionDocument } from '../src/signups/bookingRecords.js';
import { InterestService } from '../src/signups/interestService.js';
import { newReference } from '../src/signups/references.js';
import { createLowdbStore } from '../src/store/lowdbStore.js';

const BOOKINGS = 10_000;
const INTERESTS = 10_000;
const EVENTS = 100_000;
const REQUESTS = 30;
const TOKEN = 'bench-dashboard-token-0123456789abcdef012345';

function percentile(sorted: number[], p: number): number {
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] * 10) / 10;
}

async function seed(dataDir: string, now: Date): Promise<void> {
  const content = await loadContent();
  const store = await createLowdbStore(dataDir);
  const sessions = content.workshops.all;
  // Bookings: each session's document as the booking service would have left it.
  const perSession = Math.ceil(BOOKINGS / sessions.length);
  for (const session of sessions) {
    const entries: Entry[] = [];
    for (let i = 0; i < perSession; i++) {
      const status = i < session.capacity ? 'booked' : i < session.capacity + 150 ? 'waiting' : 'cancelled';
      const at = now.toISOString();
      entries.push({
        ref: newReference('HC'),
        seats: 1,
        status,
        ...(status === 'cancelled' ? {} : { attendee: { name: `Person ${i}`, email: `p${i}@example.org` } }),
        submission: `bench-submission-${session.id}-${i}`,
        createdAt: at,
        updatedAt: at,
      });
    }
    const doc: SessionDocument = { sessionId: session.id, version: 1, entries };
    await store.records.update(SESSIONS_COLLECTION, session.id, () => ({ value: doc, result: null }));
  }
  // Interests, through the service that records them.
  const interests = new InterestService(store.records, content.volunteering, content.wards, () => now);
  const roles = content.volunteering.all;
  const wards = content.wards.all;
  for (let i = 0; i < INTERESTS; i += 200) {
    await Promise.all(
      Array.from({ length: Math.min(200, INTERESTS - i) }, (_, j) =>
        interests.record({
          roleId: roles[(i + j) % roles.length].id,
          wardId: wards[(i + j) % wards.length].id,
          contact: { name: `Volunteer ${i + j}`, email: `v${i + j}@example.org` },
          consent: true,
          submissionKey: `bench-${i + j}`,
        }),
      ),
    );
  }
  // Events: folded into the weekly documents exactly as Insights.record would fold them.
  const weeks = recentWeeks(now, 12);
  const docs = new Map<string, WeekInsights | undefined>();
  const journeys = ['bystander', 'report', 'support', 'workshop', 'volunteer', 'themes', 'privacy'];
  const channels = ['directline', 'msteams', 'webchat'];
  for (let i = 0; i < EVENTS; i++) {
    const week = weeks[i % weeks.length];
    const kind = i % 10;
    const journey = journeys[i % journeys.length];
    const channel = channels[i % channels.length];
    const source = i % 4 === 0 ? `GROUP${i % 25}` : undefined;
    const event: InsightEvent =
      kind < 3
        ? { type: 'conversation_started', channel, source }
        : kind < 6
          ? { type: 'journey_started', journey, channel, source }
          : kind < 8
            ? { type: 'journey_completed', journey, channel, source }
            : kind === 8
              ? {
                  type: 'unanswered',
                  kind: 'no_answer',
                  text: `question number ${i % 700} about topic ${i % 37}`,
                }
              : {
                  type: 'feedback',
                  journey,
                  helpful: i % 3 !== 0,
                  comment: i % 11 === 0 ? 'could be clearer' : undefined,
                };
    docs.set(week, applyEvent(docs.get(week), week, event));
  }
  for (const [week, doc] of docs) {
    await store.records.update(INSIGHTS_COLLECTION, week, () => ({ value: doc, result: null }));
  }
  await store.close();
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'skbench-dashboard-'));
  try {
    const now = new Date();
    const seedStart = performance.now();
    await seed(dataDir, now);
    const seedMs = Math.round(performance.now() - seedStart);
    const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, STAFF_TOKEN: TOKEN });
    const app = await startApp(config);
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < REQUESTS; i++) {
      const began = performance.now();
      const res = await fetch(`${app.url}/staff`, { headers: { authorization: `Bearer ${TOKEN}` } });
      const body = await res.text();
      times.push(performance.now() - began);
      if (res.status !== 200) throw new Error(`dashboard answered ${res.status}`);
      bytes = body.length;
    }
    await app.close();
    times.sort((a, b) => a - b);
    console.log(
      JSON.stringify({
        bench: 'dashboard',
        stored: { bookings: BOOKINGS, interests: INTERESTS, events: EVENTS },
        requests: REQUESTS,
        medianMs: percentile(times, 50),
        p95Ms: percentile(times, 95),
        firstMs: Math.round(times[0] * 10) / 10,
        pageBytes: bytes,
        seedMs,
        targetMedianMs: 200,
      }),
    );
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
