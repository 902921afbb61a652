// For content editors: see what the bot understands.
//   npm run understand -- "some text"            prints { route, score, alternatives }
//   npm run understand -- --journey volunteer "tolworth"   as if the person were in that journey
//   npm run understand -- --eval FILE.jsonl      prints accuracy and where it goes wrong
import { readFile } from 'node:fs/promises';
import { evaluate, parseEvalLines, type EvalReport } from '../understanding/evaluate.js';
import { loadRecogniser } from '../understanding/loadRecogniser.js';
import { routeSchema } from '../understanding/types.js';

const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

function printReport(report: EvalReport, showMistakes: boolean): void {
  console.log(`Lines: ${report.lines}`);
  console.log(`Accuracy: ${report.accuracy.toFixed(4)} (${pct(report.accuracy)})`);
  console.log(
    `Crisis recall: ${report.crisisRecall.toFixed(4)} (${report.crisisLines} crisis lines, ${report.crisisLines - Math.round(report.crisisRecall * report.crisisLines)} missed)`,
  );
  console.log(
    `Crisis false-positive rate: ${report.crisisFalsePositiveRate.toFixed(4)} (${report.crisisFalsePositives} of ${report.nonCrisisLines} non-crisis lines)`,
  );
  console.log('\nPer route:           precision  recall  lines');
  for (const r of report.perRoute)
    console.log(
      `  ${r.route.padEnd(18)} ${r.precision.toFixed(3).padStart(9)} ${r.recall.toFixed(3).padStart(7)} ${String(r.support).padStart(6)}`,
    );
  console.log('\nMost confused (expected -> got):');
  if (report.confused.length === 0) console.log('  none');
  for (const c of report.confused.slice(0, 10)) console.log(`  ${c.expected} -> ${c.got}: ${c.count}`);
  if (showMistakes) {
    console.log('\nMistakes:');
    for (const m of report.mistakes)
      console.log(`  [${m.accept.join('|')} -> ${m.got} ${m.score.toFixed(2)}] ${m.text}`);
  }
}

async function main(args: string[]): Promise<number> {
  const { recogniser } = await loadRecogniser();
  const evalAt = args.indexOf('--eval');
  if (evalAt >= 0) {
    const file = args[evalAt + 1];
    if (!file)
      throw new Error(
        'Give a file after --eval, like: npm run understand -- --eval tests/understanding/dev.jsonl',
      );
    const report = evaluate(recogniser, parseEvalLines(await readFile(file, 'utf8'), file));
    printReport(report, args.includes('--mistakes'));
    return 0;
  }
  const journeyAt = args.indexOf('--journey');
  const activeJourney = journeyAt >= 0 ? routeSchema.parse(args[journeyAt + 1]) : undefined;
  const text = args
    .filter((_, i) => journeyAt < 0 || (i !== journeyAt && i !== journeyAt + 1))
    .join(' ')
    .trim();
  if (!text) {
    console.error(
      'Usage: npm run understand -- "some text"  |  npm run understand -- --eval FILE.jsonl [--mistakes]',
    );
    return 2;
  }
  console.log(JSON.stringify(recogniser.recognise(text, { activeJourney }), null, 2));
  const safety = recogniser.safety(text);
  console.log(`Safeguarding check: ${safety.level}${safety.hazard ? ` (${safety.hazard})` : ''}`);
  for (const reason of safety.reasons) console.log(`  ${reason}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
