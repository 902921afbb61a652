// /api/messages (expectReplies) beside an echo bot on the same botbuilder and restify. Prints three
// JSON lines:
//  1. "messages-mix": scripted residents through every journey (bench/support/residentScripts.ts,
//     texts from bench/corpus/residents.yaml, new and continuing conversations): requests/s and
//     latency for the whole mix, and per journey step, at 10 and 50 connections (issue 18).
//  2. "messages": "help" on every request (the cheapest path), the same with 10,000 conversations
//     stored, start-up time and memory (issue 2).
//  3. "messages-worst": the slowest 10,000-character and near-miss-place-name messages at every prompt.
// Run: npm run build && npm run bench:messages   (BENCH_DURATION=8 BENCH_ROUNDS=5 for longer)
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadContent } from '../src/content/content.js';
import { knowledgeDir, projectRoot } from '../src/paths.js';
import { createLowdbStore } from '../src/store/lowdbStore.js';
import { normalise } from '../src/understanding/normalise.js';
import { loadTrainingSet } from '../src/understanding/trainingData.js';
import { crisisCheckMs } from './support/crisisCost.js';
import { JOURNEYS, loadCorpus, ResidentTexts, type Corpus, type Journey } from './support/residentCorpus.js';
import { latencies, residentMix, type Latencies, type MixResult } from './support/residentLoad.js';
import { worstCase, worstMessages } from './support/worstCase.js';
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
const WORST_TRIES = Number(process.env.BENCH_WORST_TRIES ?? 3);
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

/** Fails when a corpus text is one of the understanding model's training examples. */
async function checkCorpusIsNotTraining(corpus: Corpus): Promise<void> {
  const training = new Set((await loadTrainingSet(knowledgeDir)).examples.map((e) => normalise(e.text)));
  const ours = [...Object.values(corpus.openings).flat(), ...corpus.wards, ...corpus.typedChoices];
  const shared = ours.filter((text) => training.has(normalise(text)));
  if (shared.length) throw new Error(`bench/corpus texts are training examples: ${shared.join(' | ')}`);
}

interface MixFigures {
  rps: number;
  medianMs: number;
  meanMs: number;
  p99Ms: number;
  errors: number;
}

/** Medians over the rounds for the whole mix, and every round's requests pooled per step. */
function mixRounds(rounds: MixResult[]) {
  const figures: MixFigures = {
    rps: median(rounds.map((r) => r.rps)),
    medianMs: median(rounds.map((r) => r.medianMs)),
    meanMs: median(rounds.map((r) => r.meanMs)),
    p99Ms: median(rounds.map((r) => r.p99Ms)),
    errors: rounds.reduce((n, r) => n + r.errors, 0),
  };
  const pooled = new Map<string, number[]>();
  for (const r of rounds)
    for (const [step, ms] of r.samples) pooled.set(step, [...(pooled.get(step) ?? []), ...ms]);
  const steps: Record<string, Latencies> = {};
  for (const step of [...pooled.keys()].sort()) steps[step] = latencies(pooled.get(step)!);
  const sum = (f: (r: MixResult) => number) => rounds.reduce((n, r) => n + f(r), 0);
  const drift: Record<string, number> = {};
  for (const r of rounds)
    for (const [step, n] of Object.entries(r.drift)) drift[step] = (drift[step] ?? 0) + n;
  return {
    figures,
    steps,
    conversations: {
      new: sum((r) => r.conversations.new),
      continuing: sum((r) => r.conversations.continuing),
    },
    written: { bookings: sum((r) => r.written.bookings), interests: sum((r) => r.written.interests) },
    drift,
  };
}

/** The prompts the worst messages are sent at: every step the mix met, but one for all openings. */
function promptsOf(steps: Record<string, Latencies>): string[] {
  const skip = /\.(opening|feedbackComment|done|pause)$|^startOver$/;
  return Object.keys(steps).filter((step) => !skip.test(step));
}

async function main(): Promise<void> {
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  const corpus = await loadCorpus();
  await checkCorpusIsNotTraining(corpus);
  const content = await loadContent();
  const labels: Partial<Record<Journey, string>> = {};
  for (const j of content.conversation.journeys) {
    const journey = (j.route === 'themes' ? 'plan' : j.route) as Journey;
    if (JOURNEYS.includes(journey)) labels[journey] = j.label;
  }
  const placeNames = [...content.wards.all.map((w) => w.name), ...content.wards.places.map((p) => p.name)];
  const texts = new ResidentTexts(corpus, Number(process.env.BENCH_SEED ?? 18));
  const mix = (url: string, connections: number, prefix: string) =>
    residentMix(url, { connections, seconds: DURATION_S, prefix, texts, labels });
  const mixLoads = async (echoUrl: string, botUrl: string) => {
    const rounds: Record<string, MixResult[]> = { echo10: [], bot10: [], echo50: [], bot50: [] };
    for (let round = 0; round < ROUNDS; round++) {
      rounds.echo10.push(await mix(echoUrl, 10, `mix-echo10-${round}`));
      rounds.bot10.push(await mix(botUrl, 10, `mix-bot10-${round}`));
      rounds.echo50.push(await mix(echoUrl, 50, `mix-echo50-${round}`));
      rounds.bot50.push(await mix(botUrl, 50, `mix-bot50-${round}`));
    }
    return rounds;
  };
  const emptyDir = await mkdtemp(path.join(os.tmpdir(), 'skbench-empty-'));
  const fullDir = await mkdtemp(path.join(os.tmpdir(), 'skbench-full-'));
  try {
    // The first start on a new DATA_DIR, then both servers side by side.
    const bot = await startServer(BOT, { DATA_DIR: emptyDir });
    const startupMs = Math.round(bot.firstAnswerMs);
    const echo = await startServer(ECHO, {});
    const mixed = await mixLoads(echo.url, bot.url);
    const [echo10, bot10, echo50, bot50] = await interleaved([
      () => load(echo.url, 10, 'echo10'),
      () => load(bot.url, 10, 'bot10'),
      () => load(echo.url, 50, 'echo50'),
      () => load(bot.url, 50, 'bot50'),
    ]);
    const bot10Mix = mixRounds(mixed.bot10);
    const bot50Mix = mixRounds(mixed.bot50);
    const echo10Mix = mixRounds(mixed.echo10).figures;
    const echo50Mix = mixRounds(mixed.echo50).figures;
    const worstP99 = (steps: Record<string, Latencies>) =>
      Object.entries(steps).sort((a, b) => b[1].p99Ms - a[1].p99Ms)[0];
    const [worstStep10, worst10] = worstP99(bot10Mix.steps);
    const [worstStep50, worst50] = worstP99(bot50Mix.steps);
    console.log(
      JSON.stringify({
        bench: 'messages-mix',
        durationSeconds: DURATION_S,
        rounds: ROUNDS,
        echo: { c10: echo10Mix, c50: echo50Mix },
        bot: { c10: bot10Mix.figures, c50: bot50Mix.figures },
        ratios: {
          rpsVsEcho10: ratio(bot10Mix.figures.rps, echo10Mix.rps),
          rpsVsEcho50: ratio(bot50Mix.figures.rps, echo50Mix.rps),
          meanVsEcho10: ratio(bot10Mix.figures.meanMs, echo10Mix.meanMs || 1),
          meanVsEcho50: ratio(bot50Mix.figures.meanMs, echo50Mix.meanMs || 1),
        },
        slowestStepP99: {
          c10: { step: worstStep10, p99Ms: worst10.p99Ms },
          c50: { step: worstStep50, p99Ms: worst50.p99Ms },
        },
        conversations: { c10: bot10Mix.conversations, c50: bot50Mix.conversations },
        written: { c10: bot10Mix.written, c50: bot50Mix.written },
        // Steps where the bot did not offer what the script expected (a changed journey).
        scriptDrift: { c10: bot10Mix.drift, c50: bot50Mix.drift },
        steps: { c10: bot10Mix.steps, c50: bot50Mix.steps },
      }),
    );
    const messages = worstMessages(texts, placeNames);
    const worst = await worstCase(
      bot.url,
      promptsOf(bot10Mix.steps),
      texts,
      labels,
      placeNames,
      bot.child.pid!,
      WORST_TRIES,
    );
    const crisis = await crisisCheckMs(messages);
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
        load: 'help',
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
    const slowest = Object.entries(worst).sort((a, b) => b[1].slowestMs - a[1].slowestMs)[0];
    const slowestCpu = Object.entries(worst).sort((a, b) => b[1].slowestCpuMs - a[1].slowestCpuMs)[0];
    console.log(
      JSON.stringify({
        bench: 'messages-worst',
        tries: WORST_TRIES,
        slowest: slowest
          ? { prompt: slowest[0], ms: slowest[1].slowestMs, message: slowest[1].message }
          : null,
        // The server's CPU time for one message (mean of its tries; /proc ticks are 10 ms): on a
        // busy machine, the clock mostly measures waiting for a core.
        slowestCpu: slowestCpu
          ? { prompt: slowestCpu[0], cpuMs: slowestCpu[1].slowestCpuMs, message: slowestCpu[1].cpuMessage }
          : null,
        // Normalising and the crisis rules alone, in this process, on the same kinds of message.
        crisisCheckMs: crisis,
        prompts: worst,
      }),
    );
  } finally {
    await rm(emptyDir, { recursive: true, force: true });
    await rm(fullDir, { recursive: true, force: true });
  }
}

await main();
