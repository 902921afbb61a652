import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../../src/paths.js';
import { evaluate, parseEvalLines, type EvalLine } from '../../src/understanding/evaluate.js';
import { normalise } from '../../src/understanding/normalise.js';
import { loadTrainingSet } from '../../src/understanding/trainingData.js';
import { ROUTES } from '../../src/understanding/types.js';
import { sharedRecogniser } from './sharedRecogniser.js';

const devFile = path.join(projectRoot, 'tests', 'understanding', 'dev.jsonl');

describe('understanding: the dev set', () => {
  let lines: EvalLine[];
  before(async () => {
    lines = parseEvalLines(await readFile(devFile, 'utf8'), devFile);
  });

  it('has at least 250 lines covering every route', () => {
    assert.ok(lines.length >= 250, `only ${lines.length} lines`);
    const routes = new Set(lines.map((l) => l.accept[0]));
    assert.deepEqual([...routes].sort(), [...ROUTES].sort());
  });

  it('shares no message with the training examples', async () => {
    const training = new Set(
      (await loadTrainingSet(path.join(projectRoot, 'knowledge'))).examples.map((e) => normalise(e.text)),
    );
    const shared = lines.filter((l) => training.has(normalise(l.text))).map((l) => l.text);
    assert.deepEqual(shared, []);
  });

  it('reaches accuracy 0.92, crisis recall 1.0 and at most 2% crisis false positives', async () => {
    const { recogniser } = await sharedRecogniser();
    const report = evaluate(recogniser, lines);
    const missed = report.mistakes.filter((m) => m.accept[0] === 'crisis').map((m) => m.text);
    assert.deepEqual(missed, [], 'crisis lines missed');
    assert.equal(report.crisisRecall, 1);
    assert.ok(
      report.crisisFalsePositiveRate <= 0.02,
      `crisis false positives ${report.crisisFalsePositiveRate}`,
    );
    assert.ok(report.accuracy >= 0.92, `accuracy ${report.accuracy}`);
  });

  it('prints the same figures through `npm run understand -- --eval`', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [path.join(projectRoot, 'dist', 'src', 'cli', 'understand.js'), '--eval', devFile],
      { cwd: projectRoot },
    );
    const accuracy = Number(/Accuracy: ([\d.]+)/.exec(stdout)?.[1]);
    assert.ok(accuracy >= 0.92, stdout);
    assert.match(stdout, /Crisis recall: 1\.0000/);
    assert.match(stdout, /Crisis false-positive rate: 0\.0[0-2]/);
    assert.match(stdout, /Per route:/);
    assert.match(stdout, /Most confused/);
  });
});
