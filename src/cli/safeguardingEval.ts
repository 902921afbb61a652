// For the safeguarding lead: how well the crisis check does on the evaluation sets.
//   npm run safeguarding:eval                       tests/safeguarding/dev.jsonl and heldout.jsonl (those that exist)
//   npm run safeguarding:eval -- FILE.jsonl         one file
// Every line is decided cold (a new conversation), with the real decision the middleware uses.
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../paths.js';
import { loadRecogniser } from '../understanding/loadRecogniser.js';
import { isShortTurn } from '../understanding/safetyDecision.js';
import {
  evaluateSafeguarding,
  parseSafeguardingLines,
  type Decide,
  type GroupFigures,
  type SafeguardingReport,
} from '../understanding/safeguardingEval.js';

const pct = (n = 0) => `${(n * 100).toFixed(1)}%`.padStart(7);

function print(setLabel: string, report: SafeguardingReport): void {
  const row = (label: string, f: GroupFigures) =>
    f.recall !== undefined
      ? `  ${label.padEnd(20)} ${String(f.lines).padStart(5)} ${pct(f.recall)} ${pct(f.full)}`
      : `  ${label.padEnd(20)} ${String(f.lines).padStart(5)} ${pct(f.takeovers)} ${pct(f.shortLine)}`;
  console.log(`\n== ${setLabel}`);
  console.log('Emergencies:          lines  999 first  full reply');
  for (const [hazard, f] of Object.entries(report.crisis.byHazard)) console.log(row(hazard, f));
  console.log(row('ALL', report.crisis.overall));
  console.log('Hard negatives:       lines  takeover  short line');
  for (const [kind, f] of Object.entries(report.negatives.byKind)) console.log(row(kind, f));
  console.log(row('ALL', report.negatives.overall));
  console.log('\nEmergencies without the full reply (got):');
  for (const m of report.misses) console.log(`  [${m.hazard} -> ${m.got}] line ${m.line}: ${m.text}`);
  console.log('\nNegatives with 999 (got):');
  for (const m of report.falseAlarms) console.log(`  [${m.kind} -> ${m.got}] line ${m.line}: ${m.text}`);
}

async function existing(files: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const f of files)
    try {
      await access(f);
      found.push(f);
    } catch {
      // Not written yet: skipped.
    }
  return found;
}

/** The cold decision: each line a new conversation, earlier short messages carried as the middleware does. */
async function coldDecider(): Promise<Decide> {
  const { recogniser } = await loadRecogniser();
  return (turns) => {
    const earlier: string[] = [];
    return turns.map((text) => {
      const decision = recogniser.safety(text, earlier);
      if (isShortTurn(decision)) earlier.push(text);
      else earlier.length = 0;
      return decision.level;
    });
  };
}

async function main(args: string[]): Promise<number> {
  const given = args.filter((a) => !a.startsWith('--'));
  const dir = path.join(projectRoot, 'tests', 'safeguarding');
  const files = given.length
    ? given
    : await existing([path.join(dir, 'dev.jsonl'), path.join(dir, 'heldout.jsonl')]);
  if (files.length === 0) {
    console.error(
      'No evaluation file found: give one, like npm run safeguarding:eval -- tests/safeguarding/dev.jsonl',
    );
    return 2;
  }
  const decide = await coldDecider();
  for (const file of files)
    print(
      `${path.basename(file)} (cold)`,
      await evaluateSafeguarding(parseSafeguardingLines(await readFile(file, 'utf8'), file), decide),
    );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(error.message);
    process.exit(1);
  },
);
