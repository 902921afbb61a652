// bench:plan — the plan questions asked through the whole bot (understanding, routing, the plan
// journey, cards) on the Teams and web chat channels, one fresh conversation per question, plus
// the plan search alone: index build time and retrieval time per question (median and p99, each
// round on a fresh index so spelling corrections are not cached). Prints one JSON line.
//   npm run bench:plan               the JSON line
//   npm run bench:plan -- --verbose  also lists every failure (on stderr)
import { existsSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadContent } from '../src/content/content.js';
import { knowledgeDir, projectRoot } from '../src/paths.js';
import { devSetFile, heldOutFile, loadDevSet } from '../src/plan/devSet.js';
import { loadPlanKnowledge } from '../src/plan/loadPlan.js';
import { PlanGuide } from '../src/plan/planGuide.js';
import { fromDevSet, loadPlanQuestions, type PlanQuestion } from '../src/plan/planQuestionSet.js';
import { scoreThroughBot, type PlanSetScore } from '../tests/support/planThroughBot.js';

const BUILD_ROUNDS = 50;
const QUERY_ROUNDS = 20;
const CHANNELS = ['msteams', 'webchat'] as const;
const verbose = process.argv.includes('--verbose');

const planDir = (name: string) => path.join(projectRoot, 'tests', 'plan', name);
const sets: Record<string, PlanQuestion[]> = {
  dev: [...fromDevSet(await loadDevSet(devSetFile)), ...fromDevSet(await loadDevSet(heldOutFile))],
  dev2: await loadPlanQuestions(planDir('dev2.jsonl')),
};
// The frozen held-out sets, each written blind by a different writer: measured, never tuned on.
for (const [name, file] of [
  ['heldout', 'questions.heldout.jsonl'],
  ['heldout2', 'questions.heldout-2.jsonl'],
] as const)
  if (existsSync(planDir(file))) sets[name] = await loadPlanQuestions(planDir(file));

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
const round = (n: number, places = 3) => Math.round(n * 10 ** places) / 10 ** places;

const content = await loadContent();

const loadStart = performance.now();
const knowledge = await loadPlanKnowledge(path.join(knowledgeDir, 'plan'), content.services);
const loadMs = performance.now() - loadStart;

const builds: number[] = [];
for (let i = 0; i < BUILD_ROUNDS; i++) {
  const start = performance.now();
  new PlanGuide(knowledge);
  builds.push(performance.now() - start);
}
builds.sort((a, b) => a - b);

const allQuestions = Object.values(sets).flatMap((s) => s.map((q) => q.q));
const queries: number[] = [];
for (let r = 0; r < QUERY_ROUNDS; r++) {
  const guide = new PlanGuide(knowledge);
  for (const q of allQuestions) {
    const start = performance.now();
    guide.ask(q);
    queries.push(performance.now() - start);
  }
}
queries.sort((a, b) => a - b);

const bot: Record<string, Record<string, Omit<PlanSetScore, 'failures'>>> = {};
for (const channel of CHANNELS) {
  bot[channel] = {};
  for (const [name, questions] of Object.entries(sets)) {
    const { failures, ...score } = await scoreThroughBot(content, channel, questions);
    bot[channel][name] = score;
    if (verbose)
      for (const f of failures) console.error(`[${name} ${channel}] ${f.q}\n    ${f.why}\n    got: ${f.got}`);
  }
}

console.log(
  JSON.stringify({
    bench: 'plan',
    topics: knowledge.topics.length,
    passages: new PlanGuide(knowledge).passageCount,
    loadMs: round(loadMs),
    indexBuildMs: { median: round(quantile(builds, 0.5)), p99: round(quantile(builds, 0.99)) },
    retrievalMs: {
      median: round(quantile(queries, 0.5)),
      p99: round(quantile(queries, 0.99)),
      max: round(queries[queries.length - 1]),
      queries: queries.length,
    },
    heldOutPresent: 'heldout' in sets,
    bot,
  }),
);
