// Issue 2 benchmark: /api/messages (expectReplies) throughput and latency beside an echo bot on the
// same botbuilder and restify, the same with 10,000 conversations stored, start-up time and memory.
// Prints one JSON line. Run: npm run build && npm run bench:messages
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../src/paths.js';
import { createLowdbStore } from '../src/store/lowdbStore.js';
import {
  messageLoad,
  residentMb,
  startServer,
  stopServer,
  type MessageLoad as Load,
} from './support/processes.js';

const DURATION_S = Number(process.env.BENCH_DURATION ?? 4);
/**
 * Loads alternate between the two servers being compared, round by round, and each figure is the
 * median over the rounds: this shared machine's speed drifts by a quarter from minute to minute,
 * and comparing runs made at different moments measured the drift, not the bot.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const STORED_CONVERSATIONS = 10_000;
const BOT = path.join(projectRoot, 'dist/src/index.js');
const ECHO = path.join(projectRoot, 'dist/bench/support/echoBot.js');

function load(url: string, connections: number, prefix: string): Promise<Load> {
  return messageLoad(url, { connections, seconds: DURATION_S, prefix, conversations: 500 });
}

async function seedConversations(dataDir: string, count: number): Promise<void> {
  const store = await createLowdbStore(dataDir);
  for (let i = 0; i < count; i += 500) {
    const batch: Record<string, object> = {};
    for (let j = i; j < Math.min(count, i + 500); j++) {
      batch[`bench/conversations/seed-${j}/`] = { dialogState: { dialogStack: [] }, eTag: '*' };
    }
    await store.botState.write(batch);
  }
  await store.close();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The median of each figure over the rounds. */
function medianLoad(loads: Load[]): Load {
  return {
    rps: median(loads.map((l) => l.rps)),
    medianMs: median(loads.map((l) => l.medianMs)),
    meanMs: median(loads.map((l) => l.meanMs)),
    p99Ms: median(loads.map((l) => l.p99Ms)),
    errors: loads.reduce((n, l) => n + l.errors, 0),
  };
}

/** Runs each load in turn, ROUNDS times over, and gives each one's median. */
async function interleaved(loads: (() => Promise<Load>)[]): Promise<Load[]> {
  const results: Load[][] = loads.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, run] of loads.entries()) results[i].push(await run());
  }
  return results.map(medianLoad);
}

async function main(): Promise<void> {
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  const emptyDir = await mkdtemp(path.join(os.tmpdir(), 'skbench-empty-'));
  const fullDir = await mkdtemp(path.join(os.tmpdir(), 'skbench-full-'));
  try {
    // The first start on a new DATA_DIR, then both servers side by side.
    const bot = await startServer(BOT, { DATA_DIR: emptyDir });
    const startupMs = Math.round(bot.firstAnswerMs);
    const echo = await startServer(ECHO, {});
    const [echo10, bot10, echo50, bot50] = await interleaved([
      () => load(echo.url, 10, 'echo10'),
      () => load(bot.url, 10, 'bot10'),
      () => load(echo.url, 50, 'echo50'),
      () => load(bot.url, 50, 'bot50'),
    ]);
    await stopServer(echo);
    await stopServer(bot);

    // A restart on the same DATA_DIR.
    const warm = await startServer(BOT, { DATA_DIR: emptyDir });
    const warmStartupMs = Math.round(warm.firstAnswerMs);
    const idleRssMb = await residentMb(warm.child.pid!);

    // 10,000 conversations stored, beside the (restarted) empty store.
    await seedConversations(fullDir, STORED_CONVERSATIONS);
    const full = await startServer(BOT, { DATA_DIR: fullDir });
    const [empty10, full10] = await interleaved([
      () => load(warm.url, 10, 'empty10'),
      () => load(full.url, 10, 'full10'),
    ]);
    const rssMb = await residentMb(full.child.pid!);
    await stopServer(warm);
    await stopServer(full);

    console.log(
      JSON.stringify({
        bench: 'messages',
        durationSeconds: DURATION_S,
        rounds: ROUNDS,
        echo: { c10: echo10, c50: echo50 },
        bot: { c10: bot10, c50: bot50 },
        ratios: {
          rpsVsEcho10: ratio(bot10.rps, echo10.rps),
          rpsVsEcho50: ratio(bot50.rps, echo50.rps),
          medianVsEcho10: ratio(bot10.medianMs, echo10.medianMs || 1),
          medianVsEcho50: ratio(bot50.medianMs, echo50.medianMs || 1),
          meanVsEcho10: ratio(bot10.meanMs, echo10.meanMs || 1),
          meanVsEcho50: ratio(bot50.meanMs, echo50.meanMs || 1),
        },
        storedConversations: {
          count: STORED_CONVERSATIONS,
          empty: { c10: empty10 },
          c10: full10,
          medianVsEmpty: ratio(full10.medianMs || 1, empty10.medianMs || 1),
        },
        startupToFirstAnswerMs: { coldNewDataDir: startupMs, warmSameDataDir: warmStartupMs },
        residentMbIdleAfterStart: idleRssMb,
        residentMbAfter10kRun: rssMb,
      }),
    );
  } finally {
    await rm(emptyDir, { recursive: true, force: true });
    await rm(fullDir, { recursive: true, force: true });
  }
}

await main();
