// Benchmark of the recogniser: accuracy on the dev set beside node-nlp (NLP.js) and a plain natural
// BayesClassifier, each trained on exactly the same examples in the same run; recognition time
// (median, p99) and start-up training time; and the safeguarding check's time per message (the
// matcher over knowledge/safeguarding/, and the whole decision with the classifier) over the
// safeguarding tuning set plus 10,000-character messages, with no memo. Prints one JSON line.
//   npm run build && npm run bench:understanding
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { projectRoot } from '../src/paths.js';
import { evaluate, parseEvalLines, type EvalReport } from '../src/understanding/evaluate.js';
import { loadRecogniser } from '../src/understanding/loadRecogniser.js';
import BayesClassifier from 'natural/lib/natural/classifiers/bayes_classifier.js';
import { loadTrainingSet } from '../src/understanding/trainingData.js';
import { loadCrisisContent } from '../src/understanding/crisisContent.js';
import { CrisisMatcher } from '../src/understanding/crisisMatcher.js';
import { parseSafeguardingLines } from '../src/understanding/safeguardingEval.js';
import {
  routeSchema,
  type Recogniser,
  type RecogniserResult,
  type Route,
} from '../src/understanding/types.js';

interface NlpManagerLike {
  addDocument(locale: string, text: string, intent: string): void;
  train(): Promise<void>;
  process(locale: string, text: string): Promise<{ intent: string; score: number }>;
}
const require = createRequire(import.meta.url);
const { NlpManager } = require('node-nlp') as {
  NlpManager: new (options: object) => NlpManagerLike;
};

const devFile = process.argv[2] ?? path.join(projectRoot, 'tests', 'understanding', 'dev.jsonl');
/** Written apart from both the training examples and the dev set, and not used for tuning. */
const heldOutFile = process.argv[3] ?? path.join(projectRoot, 'tests', 'understanding', 'heldout.jsonl');
const REPEATS = 5;
const safeguardingDevFile = path.join(projectRoot, 'tests', 'safeguarding', 'dev.jsonl');

/** Texts for timing the safeguarding check: the tuning set, and long messages with an emergency anywhere. */
async function safeguardingTexts(): Promise<string[]> {
  const lines = parseSafeguardingLines(await readFile(safeguardingDevFile, 'utf8'), safeguardingDevFile);
  const texts = lines.flatMap((l) => l.turns);
  const filler = texts.filter((t) => t.length > 60).join(' and then ');
  const long: string[] = [];
  for (let i = 0; i < 12; i++) {
    const body = filler.repeat(Math.ceil(10_000 / filler.length)).slice(0, 10_000 - 60);
    const at = Math.floor((i / 12) * body.length);
    long.push(`${body.slice(0, at)} the flat downstairs is on fire ${body.slice(at)}`);
  }
  // As many long messages as short ones are not realistic; one in twenty keeps them in the p99.
  const mixed: string[] = [];
  texts.forEach((t, i) => {
    mixed.push(t);
    if (i % 20 === 0) mixed.push(long[(i / 20) % long.length]);
  });
  return mixed;
}

function asResult(route: string, score = 1): RecogniserResult {
  const parsed = routeSchema.safeParse(route);
  return { route: parsed.success ? parsed.data : 'out_of_scope', score, alternatives: [] };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function timeEach(texts: string[], recognise: (text: string) => unknown): { median: number; p99: number } {
  const times: number[] = [];
  for (let r = 0; r < REPEATS; r++)
    for (const text of texts) {
      const started = performance.now();
      recognise(text);
      times.push(performance.now() - started);
    }
  times.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 1000) / 1000;
  return { median: round(percentile(times, 50)), p99: round(percentile(times, 99)) };
}

const summary = (r: EvalReport) => ({
  accuracy: r.accuracy,
  crisisRecall: r.crisisRecall,
  crisisFalsePositiveRate: r.crisisFalsePositiveRate,
});

async function main(): Promise<void> {
  const lines = parseEvalLines(await readFile(devFile, 'utf8'), devFile);
  const texts = lines.map((l) => l.text);
  const heldOut = parseEvalLines(await readFile(heldOutFile, 'utf8'), heldOutFile);
  const set = await loadTrainingSet(path.join(projectRoot, 'knowledge'));

  // Ours, trained from scratch (no cache), then as it starts with a warm cache.
  const trained = await loadRecogniser({ cacheFile: false, builtFile: false });
  const ours = trained.recogniser;
  const oursReport = evaluate(ours, lines);
  const oursHeldOut = evaluate(ours, heldOut);
  const oursTime = timeEach(texts, (t) => ours.recognise(t));
  const cacheFile = path.join(await mkdtemp(path.join(os.tmpdir(), 'sk-bench-')), 'model.json');
  await loadRecogniser({ cacheFile, builtFile: false });
  let started = performance.now();
  await loadRecogniser({ cacheFile, builtFile: false });
  const cachedStartMs = performance.now() - started;
  await rm(path.dirname(cacheFile), { recursive: true, force: true });

  // natural BayesClassifier, plain: the same examples, default tokenising and stemming.
  started = performance.now();
  const bayes = new BayesClassifier();
  for (const e of set.examples) bayes.addDocument(e.text, e.route);
  bayes.train();
  const bayesTrainingMs = performance.now() - started;
  const bayesRecogniser: Recogniser = { recognise: (t) => asResult(bayes.classify(t)) };
  const bayesReport = evaluate(bayesRecogniser, lines);
  const bayesHeldOut = evaluate(bayesRecogniser, heldOut);
  const bayesTime = timeEach(texts, (t) => bayes.classify(t));

  // node-nlp (NLP.js), the same examples.
  started = performance.now();
  const manager = new NlpManager({
    languages: ['en'],
    forceNER: false,
    nlu: { log: false },
    autoSave: false,
  });
  for (const e of set.examples) manager.addDocument('en', e.text, e.route);
  await manager.train();
  const nlpTrainingMs = performance.now() - started;
  const nlpAnswers = new Map<string, Route>();
  const nlpTimes: number[] = [];
  for (let r = 0; r < REPEATS; r++)
    for (const text of texts) {
      const t0 = performance.now();
      const answer = await manager.process('en', text);
      nlpTimes.push(performance.now() - t0);
      nlpAnswers.set(text, asResult(answer.intent === 'None' ? 'out_of_scope' : answer.intent).route);
    }
  nlpTimes.sort((a, b) => a - b);
  for (const { text } of heldOut) {
    const answer = await manager.process('en', text);
    nlpAnswers.set(text, asResult(answer.intent === 'None' ? 'out_of_scope' : answer.intent).route);
  }
  const nlpRecogniser: Recogniser = { recognise: (t) => asResult(nlpAnswers.get(t) ?? 'out_of_scope') };
  const nlpReport = evaluate(nlpRecogniser, lines);
  const nlpHeldOut = evaluate(nlpRecogniser, heldOut);

  // The safeguarding check: no memo anywhere on this path (each text tokenised and matched afresh).
  const sgTexts = await safeguardingTexts();
  const crisisMatcher = new CrisisMatcher(
    await loadCrisisContent(path.join(projectRoot, 'knowledge')),
    ours.model.vocabulary,
  );
  // One pass first so the JIT has compiled the matcher, as it has in a running bot.
  for (const t of sgTexts) crisisMatcher.check(t);
  const matcherTime = timeEach(sgTexts, (t) => crisisMatcher.check(t));
  const decisionTime = timeEach(sgTexts, (t) => ours.safety(t));
  const longTexts = sgTexts.filter((t) => t.length >= 9_000);
  const longTime = timeEach(longTexts, (t) => crisisMatcher.check(t));

  const round = (n: number) => Math.round(n * 10) / 10;
  console.log(
    JSON.stringify({
      bench: 'understanding',
      devLines: lines.length,
      heldOutLines: heldOut.length,
      trainingExamples: set.examples.length,
      ours: {
        ...summary(oursReport),
        recogniseMs: oursTime,
        trainingMs: round(trained.trainingMs),
        startFromCacheMs: round(cachedStartMs),
        heldOut: summary(oursHeldOut),
      },
      naturalBayes: {
        ...summary(bayesReport),
        recogniseMs: bayesTime,
        trainingMs: round(bayesTrainingMs),
        heldOut: summary(bayesHeldOut),
      },
      nodeNlp: {
        ...summary(nlpReport),
        recogniseMs: {
          median: Math.round(percentile(nlpTimes, 50) * 1000) / 1000,
          p99: Math.round(percentile(nlpTimes, 99) * 1000) / 1000,
        },
        trainingMs: round(nlpTrainingMs),
        heldOut: summary(nlpHeldOut),
      },
      safeguarding: {
        texts: sgTexts.length,
        longTexts: longTexts.length,
        checkMs: matcherTime,
        checkLongMs: longTime,
        withClassifierMs: decisionTime,
        targetMet: matcherTime.median < 0.05 && matcherTime.p99 < 0.5,
      },
      aheadOfBoth:
        oursReport.accuracy > Math.max(bayesReport.accuracy, nlpReport.accuracy) &&
        oursHeldOut.accuracy > Math.max(bayesHeldOut.accuracy, nlpHeldOut.accuracy),
    }),
  );
}

main().catch((error: Error) => {
  console.error(error.stack ?? error.message);
  process.exit(1);
});
