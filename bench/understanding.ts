// Benchmark of the recogniser: accuracy on the dev set beside node-nlp (NLP.js) and a plain natural
// BayesClassifier, each trained on exactly the same examples in the same run; recognition time
// (median, p99) and start-up training time. Prints one JSON line.
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
