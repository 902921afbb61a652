import assert from 'node:assert/strict';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ContentError } from '../../src/content/contentError.js';
import { knowledgeDir } from '../../src/paths.js';
import { loadPlanKnowledge, parseTopic } from '../../src/plan/loadPlan.js';

const FRONT = `---
id: sample
title: A sample topic
section: Governance
audience: [professionals]
related: [governance, evaluation]
source: shared/seeds/001 (test)
reviewed: 2026-11-21
---
`;

function problemsOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof ContentError, String(error));
    return error.message;
  }
  assert.fail('expected a ContentError');
}

describe('plan knowledge loader', () => {
  it('splits a topic into passages, one per "## " heading, and reads commitment codes', () => {
    const topic = parseTopic('/k/sample.md', `${FRONT}\n## 1a. First\n\nOne.\n\n## Second?\n\nTwo.\n`);
    assert.deepEqual(
      topic.passages.map((p) => [p.id, p.heading, p.text, p.code]),
      [
        ['sample/1', '1a. First', 'One.', '1a'],
        ['sample/2', 'Second?', 'Two.', undefined],
      ],
    );
  });

  it('names the file and field when the front matter is wrong', () => {
    const message = problemsOf(() =>
      parseTopic('/k/sample.md', FRONT.replace('reviewed: 2026-11-21', 'reviewed: soon') + '## A\n\nB\n'),
    );
    assert.match(message, /sample\.md/);
    assert.match(message, /field "reviewed"/);
    assert.match(
      problemsOf(() => parseTopic('/k/sample.md', '## A\n\nB\n')),
      /front matter/,
    );
    assert.match(
      problemsOf(() => parseTopic('/k/other.md', `${FRONT}## A\n\nB\n`)),
      /field "id": must match the file name/,
    );
  });

  it('names the passage that is too long for a card, empty, or nested', () => {
    const long = problemsOf(() =>
      parseTopic('/k/sample.md', `${FRONT}## Long one\n\n${'word '.repeat(300)}\n`),
    );
    assert.match(long, /passage "Long one": is \d+ characters, too long for one card/);
    assert.match(
      problemsOf(() => parseTopic('/k/sample.md', `${FRONT}## Empty\n\n`)),
      /passage "Empty": has no text/,
    );
    assert.match(
      problemsOf(() => parseTopic('/k/sample.md', `${FRONT}## Outer\n\nText\n### Inner\n\nMore\n`)),
      /use only "## " headings/,
    );
  });

  it('refuses a related topic that does not exist, naming the file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'plan-knowledge-'));
    try {
      await cp(path.join(knowledgeDir, 'plan'), dir, { recursive: true });
      await writeFile(
        path.join(dir, 'sample.md'),
        FRONT.replace('evaluation', 'no-such-topic') + '## A\n\nB\n',
      );
      await assert.rejects(loadPlanKnowledge(dir), (error: Error) => {
        assert.ok(error instanceof ContentError);
        assert.match(error.message, /sample\.md/);
        assert.match(error.message, /there is no topic "no-such-topic"/);
        return true;
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
