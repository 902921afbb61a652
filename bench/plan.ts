// bench:plan — the plan search over the whole knowledge base: index build time, retrieval time
// per question (median and p99, each round on a fresh index so spelling corrections are not
// cached), and the answer rate on the dev set and on held-out questions. Prints one JSON line.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { knowledgeDir } from '../src/paths.js';
import { heldOutFile, loadDevSet, scoreDevSet } from '../src/plan/devSet.js';
import { loadPlanKnowledge } from '../src/plan/loadPlan.js';
import { PlanGuide } from '../src/plan/planGuide.js';

const BUILD_ROUNDS = 50;
const QUERY_ROUNDS = 20;

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

const loadStart = performance.now();
const knowledge = await loadPlanKnowledge(path.join(knowledgeDir, 'plan'));
const loadMs = performance.now() - loadStart;
const devSet = await loadDevSet();
const questions = [...devSet.questions.map((d) => d.q), ...devSet.outOfPlan];

const builds: number[] = [];
for (let i = 0; i < BUILD_ROUNDS; i++) {
  const start = performance.now();
  new PlanGuide(knowledge);
  builds.push(performance.now() - start);
}
builds.sort((a, b) => a - b);

const queries: number[] = [];
for (let r = 0; r < QUERY_ROUNDS; r++) {
  const guide = new PlanGuide(knowledge);
  for (const q of questions) {
    const start = performance.now();
    guide.ask(q);
    queries.push(performance.now() - start);
  }
}
queries.sort((a, b) => a - b);

const guide = new PlanGuide(knowledge);
const score = scoreDevSet(guide, devSet);
const heldOut = scoreDevSet(guide, await loadDevSet(heldOutFile));

console.log(
  JSON.stringify({
    bench: 'plan',
    topics: knowledge.topics.length,
    passages: guide.passageCount,
    loadMs: round(loadMs),
    indexBuildMs: {
      median: round(quantile(builds, 0.5)),
      p99: round(quantile(builds, 0.99)),
      rounds: BUILD_ROUNDS,
    },
    retrievalMs: {
      median: round(quantile(queries, 0.5)),
      p99: round(quantile(queries, 0.99)),
      max: round(queries[queries.length - 1]),
      queries: queries.length,
    },
    devSet: {
      questions: score.questions,
      answeredWithAllFacts: score.answeredWithAllFacts,
      answerRate: Math.round(score.answerRate * 1000) / 1000,
      outOfPlan: score.outOfPlan,
      outOfPlanDeclined: score.outOfPlanDeclined,
    },
    heldOut: {
      questions: heldOut.questions,
      answeredWithAllFacts: heldOut.answeredWithAllFacts,
      answerRate: Math.round(heldOut.answerRate * 1000) / 1000,
      outOfPlan: heldOut.outOfPlan,
      outOfPlanDeclined: heldOut.outOfPlanDeclined,
    },
  }),
);
