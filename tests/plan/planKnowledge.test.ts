import { existsSync } from 'node:fs';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { knowledgeDir, projectRoot } from '../../src/paths.js';
import { loadPlanGuide, sourceLine, type PlanGuide } from '../../src/plan/planGuide.js';
import { MAX_HEADING_CHARS, MAX_PASSAGE_CHARS } from '../../src/plan/schema.js';

// The plan sits in shared/ beside the checkout (CI) or beside the worktrees folder (development).
const SEED = [path.join(projectRoot, '..', 'shared'), path.join(projectRoot, '..', '..', 'shared')]
  .map((dir) => path.join(dir, 'seeds', '001_919862fbbfd987f4.txt'))
  .find((file) => existsSync(file));

describe('plan knowledge base (knowledge/plan)', () => {
  let guide: PlanGuide;
  let all: string;
  before(async () => {
    guide = await loadPlanGuide(knowledgeDir);
    all = guide.topics
      .flatMap((t) => t.passages.map((p) => `${p.heading}\n${p.text}`))
      .join('\n')
      .toLowerCase();
  });

  it('gives every passage a source section of the plan and a size that fits on a card', () => {
    assert.ok(guide.passageCount >= 100, `${guide.passageCount} passages`);
    for (const topic of guide.topics) {
      assert.match(
        sourceLine(topic),
        /^Safer Kingston Partnership Plan (2024-2029|2008\/11.*), section ".+"$/,
      );
      assert.match(topic.reviewed, /^\d{4}-\d{2}-\d{2}$/);
      assert.ok(topic.source.length > 5);
      for (const p of topic.passages) {
        assert.ok(p.text.length <= MAX_PASSAGE_CHARS, `${p.id} is ${p.text.length} characters`);
        assert.ok(p.heading.length <= MAX_HEADING_CHARS, `${p.id} heading`);
      }
    }
  });

  it('gives every topic two related topics that exist', () => {
    for (const topic of guide.topics) {
      assert.ok(topic.related.length >= 2, topic.id);
      for (const id of topic.related) assert.ok(guide.findTopic(id), `${topic.id} -> ${id}`);
    }
  });

  it('covers the four priorities with every lettered commitment', () => {
    const expected: Record<string, string> = {
      'priority-1': 'abcdefghijkl',
      'priority-2': 'abcdefghijkl',
      'priority-3': 'abcdefghijk',
      'priority-4': 'abcdefghij',
    };
    assert.deepEqual(
      guide.priorities().map((t) => t.id),
      Object.keys(expected),
    );
    for (const [id, letters] of Object.entries(expected)) {
      const n = id.slice(-1);
      const codes = guide
        .topic(id)
        .passages.map((p) => p.code)
        .filter(Boolean);
      assert.deepEqual(
        codes,
        [...letters].map((l) => `${n}${l}`),
        id,
      );
    }
    assert.match(all, /serious organised crime[\s\S]*- i\.[\s\S]*- ii\.[\s\S]*- iii\./);
  });

  it('covers the six cross-cutting themes and every other part of the plan', () => {
    assert.deepEqual(
      guide.themes().map((t) => t.id),
      [
        'theme-vulnerability',
        'theme-reducing-reoffending',
        'theme-substance-misuse',
        'theme-mental-health',
        'theme-housing',
        'theme-cyber',
      ],
    );
    for (const id of [
      'vision',
      'partnership',
      'statutory-duties',
      'plan-alignment',
      'community-safety',
      'working-with-communities',
      'crime-concentration',
      'serious-violence-duty',
      'serious-violence-definition',
      'public-health-approach',
      'five-cs',
      'choosing-priorities',
      'priorities-overview',
      'cross-cutting-themes',
      'partnership-boards',
      'governance',
      'evaluation',
      'evidence',
    ])
      assert.ok(guide.findTopic(id), id);
  });

  it('keeps the plan’s figures, statutes and names exact', () => {
    for (const fact of [
      'crime and disorder act 1998',
      'police, crime, sentencing and courts act 2022',
      'domestic abuse act 2021',
      'royal borough of kingston upon thames council',
      'metropolitan police service',
      'london fire brigade',
      'probation service',
      'south west london integrated care board',
      "mayor's office for policing and crime (mopac)",
      'police and crime plan 2022-25',
      'council plan 2023-27',
      'inclusive kingston 2021-25',
      'greener, fairer, safer, together',
      'nearly a quarter of neighbourhood crime happens in just 5% of local areas',
      '5% of offenders account for up to 50% of all crime',
      'in the year to march 2020, 48% of homicides were drug-related',
      'under the age of 25',
      'a safe and healthy place where communities and businesses thrive',
      'three times more common',
      '2 to 3 times more common',
      'next 12 months',
      'cambridge crime harm index (cchi)',
      'violence and vulnerability reduction action plan (vvrap)',
      'every quarter',
    ])
      assert.ok(all.includes(fact), fact);
  });

  it('is written in its own words, not copied from the plan (quotations aside)', async function () {
    // Without shared/ beside the checkout there is nothing to compare with.
    if (!SEED) this.skip();
    const seed = (await readFile(SEED, 'utf8')).toLowerCase().replace(/[^a-z0-9%]+/g, ' ');
    const run = 14;
    const copied: string[] = [];
    for (const topic of guide.topics.filter((t) => t.id !== 'evidence')) {
      for (const p of topic.passages) {
        const unquoted = p.text.replace(/"[^"]*"/g, ' ');
        const words = unquoted
          .toLowerCase()
          .replace(/[^a-z0-9%]+/g, ' ')
          .trim()
          .split(' ');
        for (let i = 0; i + run <= words.length; i++) {
          const phrase = words.slice(i, i + run).join(' ');
          if (seed.includes(` ${phrase} `)) {
            copied.push(`${p.id}: "${phrase}"`);
            break;
          }
        }
      }
    }
    assert.deepEqual(copied, []);
  });
});
