import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseYaml as parse, stringifyYaml as stringify } from '../../src/content/yamlText.js';
import { startApp } from '../../src/app.js';
import { configSchema } from '../../src/config.js';
import { loadContent } from '../../src/content/content.js';
import { ContentError } from '../../src/content/contentError.js';
import { residentContentWarnings } from '../../src/content/residentChecks.js';
import { findStaleEntries } from '../../src/content/staleEntries.js';
import { knowledgeDir, projectRoot } from '../../src/paths.js';

type Data = Record<string, unknown> & { [key: string]: unknown };
type Entry = Record<string, unknown>;

let dir: string;

async function mutate(file: string, change: (data: Data & Entry[]) => void): Promise<void> {
  const full = path.join(dir, file);
  const data = parse(await readFile(full, 'utf8')) as Data & Entry[];
  change(data);
  await writeFile(full, stringify(data));
}

const byId = (list: unknown, id: string): Entry => {
  const found = (list as Entry[]).find((e) => e.id === id);
  assert.ok(found, `fixture has ${id}`);
  return found;
};

/** Asserts loading fails with a ContentError naming the file and every given detail. */
async function assertRejected(file: string, ...details: (string | RegExp)[]): Promise<void> {
  await assert.rejects(loadContent(dir), (error: unknown) => {
    assert.ok(error instanceof ContentError, `expected a ContentError, got ${String(error)}`);
    assert.ok(error.message.includes(`knowledge-copy/${file}`) || error.file.endsWith(file), error.message);
    for (const d of details) {
      if (typeof d === 'string') assert.ok(error.message.includes(d), `"${d}" in:\n${error.message}`);
      else assert.match(error.message, d);
    }
    return true;
  });
}

describe('resident content validation', () => {
  beforeEach(async () => {
    dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'skbot-content-')), 'knowledge-copy');
    await cp(knowledgeDir, dir, { recursive: true });
  });
  afterEach(() => rm(path.dirname(dir), { recursive: true, force: true }));

  it('loads the real content: at least 8 scenarios with 3-4 options, every technique, every route', async () => {
    const content = await loadContent(dir);
    assert.ok(content.bystander.scenarios.length >= 8);
    for (const s of content.bystander.scenarios) assert.ok(s.options.length >= 3 && s.options.length <= 4);
    assert.deepEqual(
      content.bystander.techniques.map((t) => t.id),
      ['distract', 'delegate', 'document', 'delay', 'direct', 'ask-for-angela'],
    );
    assert.ok(content.reporting.routes.length >= 8);
    // Phone numbers come from services.yaml: no placeholder is left in what residents see.
    assert.doesNotMatch(
      JSON.stringify([content.bystander, content.reporting.file, content.support]),
      /\{phone:/,
    );
  });

  it('names a broken service entry', async () => {
    await mutate('services.yaml', (d) => {
      (byId(d, 'samaritans').contact as Entry).phone = 'one one six';
    });
    await assertRejected('services.yaml', 'entry "samaritans", field "contact.phone"', 'digits and spaces');
  });

  it('names a missing or unknown bystander technique', async () => {
    await mutate('bystander/techniques.yaml', (d) => {
      d.splice(
        d.findIndex((t) => t.id === 'delay'),
        1,
      );
    });
    await assertRejected('bystander/techniques.yaml', 'the technique "delay" is missing');
  });

  it('names a scenario with too few options, a bad rating, or no good option', async () => {
    await mutate('bystander/scenarios.yaml', (d) => {
      const bus = byId(d, 'bus-at-night');
      (bus.options as Entry[]).splice(2);
      const options = byId(d, 'online-pile-on').options as Entry[];
      options[1].rating = 'great';
      for (const o of byId(d, 'street-argument').options as Entry[]) o.rating = 'care';
    });
    await assertRejected(
      'bystander/scenarios.yaml',
      'entry "bus-at-night", field "options": must have 3 or 4 options',
      'entry "online-pile-on", field "options.1.rating": must be good, care or unsafe',
      'entry "street-argument", field "options": at least one option must be rated good',
    );
  });

  it('names a duplicate scenario id', async () => {
    await mutate('bystander/scenarios.yaml', (d) => {
      d[1].id = d[0].id;
    });
    await assertRejected(
      'bystander/scenarios.yaml',
      'entry "bus-at-night", field "id": "bus-at-night" is used twice',
    );
  });

  it('names a scenario without a reviewed date', async () => {
    await mutate('bystander/scenarios.yaml', (d) => {
      delete d[2].reviewed;
    });
    await assertRejected('bystander/scenarios.yaml', 'entry "shop-racist-abuse", field "reviewed": Required');
  });

  it('names a phone placeholder that points at no service', async () => {
    await mutate('bystander/scenarios.yaml', (d) => {
      (byId(d, 'bus-at-night').options as Entry[])[0].feedback = 'Call {phone:nobody} now.';
    });
    await assertRejected(
      'bystander/scenarios.yaml',
      'entry "bus-at-night", field "options.0.feedback": {phone:nobody} names no service',
    );
  });

  it('names a missing field in the course text', async () => {
    await mutate('bystander/course.yaml', (d) => {
      delete d.safetyFirst;
    });
    await assertRejected('bystander/course.yaml', 'field "safetyFirst"');
  });

  it('names a reporting route that lists an unknown service', async () => {
    await mutate('reporting.yaml', (d) => {
      (byId(d.routes, 'fraud').services as string[])[0] = 'action-fraud';
    });
    await assertRejected(
      'reporting.yaml',
      'routes entry "fraud", field "services.0": there is no service with id "action-fraud"',
    );
  });

  it('refuses a third question, an unknown route, and a notice that does not say it takes no reports', async () => {
    await mutate('reporting.yaml', (d) => {
      const giveName = byId(d.questions, 'give-name').choices as Entry[];
      giveName[0] = { ...giveName[0], route: undefined, next: 'age' };
      delete giveName[0].route;
      (byId((d.start as Entry).choices, 'fraud') as Entry).route = 'scams';
      d.notice = 'Here is how to report.';
    });
    await assertRejected(
      'reporting.yaml',
      'questions entry "give-name", field "choices.0.next": a follow-up question must lead to a route',
      'start.choices entry "fraud", field "route": there is no route with id "scams"',
      'field "notice": must say clearly that this chat does not take reports',
    );
  });

  it('names a support topic that the services directory does not have, and a 24/7 entry that is not', async () => {
    await mutate('support.yaml', (d) => {
      (d.topics as Entry[])[0].id = 'gardening';
      (d.alwaysOpen as string[]).push('mens-advice-line');
    });
    await assertRejected('support.yaml', 'topics entry "gardening", field "id": must be one of the topics');
    await mutate('support.yaml', (d) => {
      (d.topics as Entry[])[0].id = 'domestic-abuse';
    });
    await assertRejected('support.yaml', 'alwaysOpen entry #4: "mens-advice-line" is not marked alwaysOpen');
  });

  it('refuses a happening-now line that does not say to call 999', async () => {
    await mutate('support.yaml', (d) => {
      (byId(d.topics as Entry[], 'stalking') as Entry).happeningNow = 'Call a friend.';
    });
    await assertRejected(
      'support.yaml',
      'topics entry "stalking", field "happeningNow": must say to call {phone:emergency-999}',
    );
  });

  it('refuses a postcode entry with a bad prefix or a ward that does not exist', async () => {
    await mutate('postcodes.yaml', (d) => {
      (d.postcodes as Entry[])[0].prefix = 'Kingston';
    });
    await assertRejected(
      'postcodes.yaml',
      'postcodes entry "Kingston", field "prefix": must be a postcode district',
    );
    await mutate('postcodes.yaml', (d) => {
      (d.postcodes as Entry[])[0].prefix = 'KT1';
      (d.postcodes as Entry[])[0].wards = ['atlantis'];
    });
    await assertRejected(
      'postcodes.yaml',
      'postcodes entry "KT1", field "wards": no ward in wards.yaml has id "atlantis"',
    );
  });

  it('says when a file is not YAML at all', async () => {
    await writeFile(path.join(dir, 'reporting.yaml'), 'routes: [unclosed\n  - oops: :');
    await assertRejected('reporting.yaml', 'could not be read as YAML');
  });

  it('stops the start with the same named error', async () => {
    await mutate('bystander/scenarios.yaml', (d) => {
      delete d[0].situation;
    });
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'skbot-start-'));
    try {
      const config = configSchema.parse({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' });
      await assert.rejects(startApp(config, { knowledgeDir: dir }), (error: unknown) => {
        assert.ok(error instanceof ContentError);
        assert.match(error.message, /entry "bus-at-night", field "situation"/);
        return true;
      });
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('editor warnings', () => {
  it('are empty for the real content, and name a keyword shared by two answers', async () => {
    const content = await loadContent();
    assert.deepEqual(residentContentWarnings(content), []);
    const options = content.bystander.scenarios[0].options;
    options[1].keywords.push(options[0].keywords[0]);
    assert.deepEqual(residentContentWarnings(content), [
      `knowledge/bystander/scenarios.yaml: "bus-at-night" lists the keyword "${options[0].keywords[0]}" for both "a" and "b", so typing it matches neither`,
    ]);
  });
});

describe('entries due for review', () => {
  it('lists nothing reviewed within 12 months, and each entry reviewed longer ago', async () => {
    const content = await loadContent();
    assert.deepEqual(findStaleEntries(content, new Date('2027-10-31T12:00:00Z')), []);
    const stale = findStaleEntries(content, new Date('2027-11-22T12:00:00Z'));
    assert.ok(stale.some((s) => s.part === 'services' && s.entry === '"samaritans"'));
    assert.ok(stale.some((s) => s.part === 'bystander.scenarios' && s.entry === '"bus-at-night"'));
    assert.ok(stale.some((s) => s.part === 'reporting.routes' && s.entry === '"fraud"'));
  });
});

describe('npm run knowledge:check', () => {
  const run = promisify(execFile);
  const cli = path.join(projectRoot, 'dist', 'src', 'cli', 'knowledgeCheck.js');

  it('passes valid content and lists what is due for review and flagged unconfirmed', async () => {
    const { stdout } = await run(process.execPath, [cli, '--today', '2028-01-01']);
    assert.match(stdout, /Content is valid/);
    assert.match(stdout, /services "stop-hate-uk": Whether Stop Hate UK/);
    assert.match(
      stdout,
      /last reviewed before 2027-01-01[\s\S]*bystander\.scenarios entry "bus-at-night": reviewed 2026-11-21/,
    );
  });

  it('fails on broken content, naming file, entry and field', async () => {
    const broken = path.join(await mkdtemp(path.join(os.tmpdir(), 'skbot-cli-')), 'knowledge');
    try {
      await cp(knowledgeDir, broken, { recursive: true });
      const file = path.join(broken, 'services.yaml');
      const data = parse(await readFile(file, 'utf8')) as Entry[];
      delete byId(data, 'shout').hours;
      await writeFile(file, stringify(data));
      await assert.rejects(
        run(process.execPath, [cli, '--dir', broken]),
        (error: { code?: number; stderr?: string }) => {
          assert.equal(error.code, 1);
          assert.match(error.stderr ?? '', /services\.yaml[\s\S]*entry "shout", field "hours"/);
          return true;
        },
      );
    } finally {
      await rm(path.dirname(broken), { recursive: true, force: true });
    }
  });
});
