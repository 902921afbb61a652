// The realistic mix of bench:messages against a service that is already running (BENCH_URL), for
// profiling it: see the README's "Benchmarks". Prints one JSON line: the whole mix and each step.
// Run: BENCH_URL=http://127.0.0.1:3978 BENCH_DURATION=30 node dist/bench/residentMix.js
import { loadContent } from '../src/content/content.js';
import { JOURNEYS, loadCorpus, ResidentTexts, type Journey } from './support/residentCorpus.js';
import { latencies, residentMix } from './support/residentLoad.js';

const url = process.env.BENCH_URL ?? 'http://127.0.0.1:3978';
const seconds = Number(process.env.BENCH_DURATION ?? 30);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);

const content = await loadContent();
const labels: Partial<Record<Journey, string>> = {};
for (const j of content.conversation.journeys) {
  const journey = (j.route === 'themes' ? 'plan' : j.route) as Journey;
  if (JOURNEYS.includes(journey)) labels[journey] = j.label;
}
const texts = new ResidentTexts(await loadCorpus(), Number(process.env.BENCH_SEED ?? 18));
const { samples, ...mix } = await residentMix(url, {
  connections,
  seconds,
  prefix: `mix-${Date.now()}`,
  texts,
  labels,
});
const steps = Object.fromEntries(
  [...samples.keys()].sort().map((step) => [step, latencies(samples.get(step)!)]),
);
console.log(JSON.stringify({ bench: 'resident-mix', url, seconds, connections, ...mix, steps }));
