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
} from '../understanding/safeguardingEval.js';
import { printSafeguardingReport } from './safeguardingReport.js';

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
    printSafeguardingReport(
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
