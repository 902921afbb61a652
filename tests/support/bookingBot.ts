// A bot process for the multi-instance tests and benchmarks: the real service (startApp: HTTP edge,
// adapter, middleware, dialogs, the store chosen by STORAGE) with workshop sessions of known size.
// Settings come from the environment; BOOKING_SESSIONS is JSON [{ id, capacity, maxSeatsPerBooking }].
// Prints "listening <url>" once it answers, and on SIGTERM closes (finishing every write) and
// prints the store's ETag conflict counts as one JSON line.
import { rm } from 'node:fs/promises';
import { knowledgeWithSessions, type SessionSpec } from '../../bench/support/bookingKnowledge.js';
import { startApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { ConflictStats } from '../../src/store/etagRetry.js';

const sessions = JSON.parse(process.env.BOOKING_SESSIONS ?? '[]') as SessionSpec[];
const knowledgeDir = await knowledgeWithSessions(sessions);
const app = await startApp(loadConfig(process.env), { knowledgeDir });
process.stdout.write(`listening ${app.url}\n`);
process.once('SIGTERM', () => {
  void (async () => {
    await app.close();
    await rm(knowledgeDir, { recursive: true, force: true });
    const stats = (app.services.store as { stats?: ConflictStats }).stats ?? {
      conflicts: 0,
      exhausted: 0,
      byCollection: {},
    };
    process.stdout.write(`${JSON.stringify(stats)}\n`);
    process.exit(0);
  })();
});
