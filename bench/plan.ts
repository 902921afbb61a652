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
import {
  fromDevSet,
  loadPlanQuestions,
  missingGroups,
  type PlanQuestion,
} from '../src/plan/planQuestionSet.js';
import { allText, startTestBot } from '../tests/support/botHarness.js';

const BUILD_ROUNDS = 50;
const QUERY_ROUNDS = 20;
const CHANNELS = ['msteams', 'webchat'] as const;
const verbose = process.argv.includes('--verbose');

const planDir = (name: string) => path.join(projectRoot, 'tests', 'plan', name);
const sets: Record<string, PlanQuestion[]> = {
  dev: [...fromDevSet(await loadDevSet(devSetFile)), ...fromDevSet(await loadDevSet(heldOutFile))],
  dev2: await loadPlanQuestions(planDir('dev2.jsonl')),
};
if (existsSync(planDir('questions.heldout.jsonl')))
  sets.heldout = await loadPlanQuestions(planDir('questions.heldout.jsonl'));

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
const round = (n: number, places = 3) => Math.round(n * 10 ** places) / 10 ** places;

const content = await loadContent();
const { sourcePrefix } = content.plan.knowledge.wording;
// A decline says it cannot answer and where to look: the plan's "does not say", or the bot's
// out-of-scope answer (other council services, with the council's website).
const declinePhrases = [
  content.plan.knowledge.wording.notKnown,
  content.conversation.outOfScope.split('.')[0],
].map((p) => p.toLowerCase());

interface SetScore {
  questions: number;
  withEveryFact: number;
  answerRate: number;
  wrongAnswers: number;
  outOfPlan: number;
  declined: number;
  declineRate: number;
}

async function throughTheBot(channelId: string, questions: PlanQuestion[], label: string): Promise<SetScore> {
  const bot = await startTestBot({ services: { content }, channelId });
  let withEveryFact = 0;
  let wrong = 0;
  let declined = 0;
  try {
    for (const [i, question] of questions.entries()) {
      const who = { userId: `asker-${i}`, conversationId: `${label}-${channelId}-${i}` };
      const text = allText(await bot.say(question.q, who));
      const answered = text.includes(sourcePrefix);
      if (question.outOfPlan) {
        const lower = text.toLowerCase();
        const ok = !answered && declinePhrases.some((p) => lower.includes(p));
        if (ok) declined++;
        else if (verbose) report(label, channelId, question, answered ? 'answered' : 'not declined', text);
        if (answered) wrong++;
        continue;
      }
      const missing = missingGroups(text, question.facts ?? []);
      if (missing.length === 0) withEveryFact++;
      else {
        if (answered) wrong++;
        if (verbose) report(label, channelId, question, `missing ${JSON.stringify(missing)}`, text);
      }
    }
  } finally {
    await bot.close();
  }
  const inPlan = questions.filter((q) => !q.outOfPlan).length;
  const outOfPlan = questions.length - inPlan;
  return {
    questions: inPlan,
    withEveryFact,
    answerRate: round(withEveryFact / Math.max(1, inPlan)),
    wrongAnswers: wrong,
    outOfPlan,
    declined,
    declineRate: round(declined / Math.max(1, outOfPlan)),
  };
}

function report(label: string, channel: string, question: PlanQuestion, why: string, text: string): void {
  const firstLines = text.split('\n').slice(0, 2).join(' | ').slice(0, 160);
  console.error(`[${label} ${channel}] ${question.q}\n    ${why}\n    got: ${firstLines}`);
}

const loadStart = performance.now();
const knowledge = await loadPlanKnowledge(path.join(knowledgeDir, 'plan'));
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

const bot: Record<string, Record<string, SetScore>> = {};
for (const channel of CHANNELS) {
  bot[channel] = {};
  for (const [name, questions] of Object.entries(sets))
    bot[channel][name] = await throughTheBot(channel, questions, name);
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
