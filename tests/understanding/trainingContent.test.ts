import assert from 'node:assert/strict';
import { sharedRecogniser } from './sharedRecogniser.js';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadContent } from '../../src/content/content.js';
import { ContentError } from '../../src/content/contentError.js';
import { projectRoot } from '../../src/paths.js';
import { loadRecogniser } from '../../src/understanding/loadRecogniser.js';
import { JOURNEY_ROUTES, loadTrainingSet } from '../../src/understanding/trainingData.js';

const knowledge = path.join(projectRoot, 'knowledge');

async function copyOfKnowledge(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'sk-knowledge-'));
  await cp(knowledge, dir, { recursive: true });
  return dir;
}

describe('understanding: training content', () => {
  it('has at least 60 examples for every journey route', async () => {
    const set = await loadTrainingSet(knowledge);
    for (const route of JOURNEY_ROUTES) {
      const count = set.examples.filter((e) => e.route === route).length;
      assert.ok(count >= 60, `${route} has ${count}`);
    }
  });

  it('has no safeguarding term making an example of another route an emergency', async () => {
    const set = await loadTrainingSet(knowledge);
    const { recogniser } = await sharedRecogniser();
    const clashes = set.examples
      .filter((e) => e.route !== 'crisis' && recogniser.safety(e.text).level === 'certain')
      .map((e) => `${e.route}: ${e.text}`);
    assert.deepEqual(clashes, []);
  });

  it('names the file and the problem when a training file is broken', async () => {
    const dir = await copyOfKnowledge();
    try {
      const file = path.join(dir, 'understanding', 'volunteer.yaml');
      await writeFile(file, (await readFile(file, 'utf8')).replace(/^reviewed: .*$/m, 'reviewed: last week'));
      await assert.rejects(loadTrainingSet(dir), (error: ContentError) => {
        assert.ok(error instanceof ContentError);
        assert.match(error.message, /understanding\/volunteer\.yaml/);
        assert.match(error.message, /reviewed/);
        return true;
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('is checked by `npm run knowledge:check`, which names the broken training file', async () => {
    const dir = await copyOfKnowledge();
    try {
      const file = path.join(dir, 'understanding', 'cancel.yaml');
      await writeFile(file, (await readFile(file, 'utf8')).replace(/^source: .*$/m, 'source: x'));
      const cli = path.join(projectRoot, 'dist', 'src', 'cli', 'knowledgeCheck.js');
      await assert.rejects(promisify(execFile)(process.execPath, [cli, '--dir', dir]), (error: Error) => {
        assert.match(
          (error as Error & { stderr: string }).stderr,
          /understanding\/cancel\.yaml[\s\S]*source/,
        );
        return true;
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('retrains when the content changes and reads the cache when it does not', async () => {
    const dir = await copyOfKnowledge();
    const cacheFile = path.join(dir, 'cache', 'model.json');
    try {
      const first = await loadRecogniser({ knowledgeDir: dir, cacheFile, builtFile: false });
      assert.equal(first.fromCache, false);
      const second = await loadRecogniser({ knowledgeDir: dir, cacheFile, builtFile: false });
      assert.equal(second.fromCache, true);
      assert.deepEqual(
        second.recogniser.recognise('how do i join neighbourhood watch'),
        first.recogniser.recognise('how do i join neighbourhood watch'),
      );
      const file = path.join(dir, 'understanding', 'greeting.yaml');
      await writeFile(file, `${await readFile(file, 'utf8')}  - good morrow\n`);
      const third = await loadRecogniser({ knowledgeDir: dir, cacheFile, builtFile: false });
      assert.equal(third.fromCache, false);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('starts from the model npm run build trained, and not when the content changed since', async () => {
    // npm test builds first, so dist/model holds a model of the knowledge folder as it is.
    const built = await loadRecogniser({ cacheFile: false });
    assert.equal(built.fromCache, true, 'the built model matches the content');
    const dir = await copyOfKnowledge();
    try {
      const file = path.join(dir, 'understanding', 'greeting.yaml');
      await writeFile(file, `${await readFile(file, 'utf8')}  - good morrow\n`);
      const changed = await loadRecogniser({ knowledgeDir: dir, cacheFile: false });
      assert.equal(changed.fromCache, false, 'a built model of other content is not used');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('understanding: the crisis reply content', () => {
  it('leads with 999, the silent call and text relay, with numbers from services.yaml', async () => {
    const content = await loadContent();
    const lines = content.safeguarding.firstReply('suicide-self-harm');
    assert.match(lines[0], /999/);
    assert.match(lines.slice(0, 3).join(' '), /55/);
    assert.match(lines.slice(0, 3).join(' '), /18000/);
    assert.match(lines.join(' '), /116 123/);
    assert.match(lines.join(' '), /85258/);
    assert.match(content.safeguarding.firstReply('domestic-abuse').join(' '), /0808 2000 247/);
  });

  it('refuses a crisis reply that names a service that does not exist', async () => {
    const dir = await copyOfKnowledge();
    try {
      // The Samaritans line now sits in the first steps for suicide and self-harm.
      const file = path.join(dir, 'safeguarding', 'suicide-self-harm.yaml');
      await writeFile(
        file,
        (await readFile(file, 'utf8')).replace('{phone:samaritans}', '{phone:samaritanz}'),
      );
      await assert.rejects(loadContent(dir), /suicide-self-harm\.yaml[\s\S]*firstSteps\.\d[\s\S]*samaritanz/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses digits typed into the crisis reply', async () => {
    const dir = await copyOfKnowledge();
    try {
      const file = path.join(dir, 'safeguarding', 'suicide-self-harm.yaml');
      await writeFile(file, (await readFile(file, 'utf8')).replace('{phone:samaritans}', '116 123'));
      await assert.rejects(loadContent(dir), /not digits/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
