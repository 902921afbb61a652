// The real service (startApp: HTTP edge, adapter, middleware, dialogs, lowdb store) with two large
// sessions for the booking benchmark. DATA_DIR, PORT and HOST come from the environment.
import { rm } from 'node:fs/promises';
import { startApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { knowledgeWithSessions } from './bookingKnowledge.js';

export const BENCH_SESSIONS = ['bench-c10', 'bench-c50'];

const knowledgeDir = await knowledgeWithSessions(
  BENCH_SESSIONS.map((id) => ({ id, capacity: 1000, maxSeatsPerBooking: 1, waitingList: 10_000 })),
);
const app = await startApp(loadConfig(process.env), { knowledgeDir });
process.once('SIGTERM', () => {
  void app
    .close()
    .then(() => rm(knowledgeDir, { recursive: true, force: true }))
    .then(() => process.exit(0));
});
