// 200 people book the last 20 places at once, through the real HTTP endpoint (POST /api/messages
// with deliveryMode expectReplies, the whole bot behind it), each with a one-step booking form.
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { bookingActivity, knowledgeWithSessions } from '../../bench/support/bookingKnowledge.js';
import { startApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { SESSIONS_COLLECTION, sessionDocumentSchema } from '../../src/signups/bookingRecords.js';
import { postActivity, RAISED_LIMITS } from '../support/appHarness.js';

interface Replies {
  activities: { text?: string }[];
}

describe('signups: 200 concurrent bookings for 20 places over HTTP', () => {
  let app: App;
  let dataDir: string;
  let knowledge: string;
  const logLines: string[] = [];
  before(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'skhttp-signups-'));
    knowledge = await knowledgeWithSessions([
      { id: 'last-seats', capacity: 20, maxSeatsPerBooking: 1, waitingList: 200 },
    ]);
    app = await startApp(loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...RAISED_LIMITS }), {
      knowledgeDir: knowledge,
      logger: createLogger('debug', (line) => logLines.push(line)),
    });
  });
  after(async () => {
    await app.close();
    await rm(dataDir, { recursive: true, force: true });
    await rm(knowledge, { recursive: true, force: true });
  });

  it('books exactly 20, wait-lists the rest in order, with no duplicate references and valid files', async function () {
    this.timeout(120_000);
    const activities = Array.from({ length: 200 }, (_, i) => bookingActivity('last-seats', `c${i}`));
    const responses = await Promise.all(activities.map((a) => postActivity(app.url, a)));
    assert.deepEqual([...new Set(responses.map((r) => r.status))], [200]);
    const texts = await Promise.all(
      responses.map(async (r) =>
        ((await r.json()) as Replies).activities.map((a) => a.text ?? '').join('\n'),
      ),
    );
    const refs = texts.map((t) => /HC-[A-Z2-9]{5}-[A-Z2-9]{5}/.exec(t)?.[0]);
    assert.ok(
      refs.every((r) => r !== undefined),
      'every person was told their reference',
    );
    assert.equal(new Set(refs).size, 200, 'no duplicate references');
    assert.equal(texts.filter((t) => /You're booked/.test(t)).length, 20);
    const positions = texts
      .map((t) => /waiting list: number (\d+)/.exec(t)?.[1])
      .filter((p): p is string => p !== undefined)
      .map(Number)
      .sort((a, b) => a - b);
    assert.deepEqual(
      positions,
      Array.from({ length: 180 }, (_, i) => i + 1),
    );

    const file = path.join(dataDir, 'records', SESSIONS_COLLECTION, 'last-seats.json');
    const doc = sessionDocumentSchema.parse(JSON.parse(await readFile(file, 'utf8')));
    assert.equal(doc.entries.filter((e) => e.status === 'booked').length, 20);
    assert.equal(doc.entries.filter((e) => e.status === 'waiting').length, 180);
    assert.deepEqual(new Set(doc.entries.map((e) => e.ref)), new Set(refs));
    // Every conversation state file is complete JSON, and none holds the booking details.
    const stateDir = path.join(dataDir, 'state');
    for (const sub of await readdir(stateDir))
      for (const f of await readdir(path.join(stateDir, sub))) {
        const text = await readFile(path.join(stateDir, sub, f), 'utf8');
        JSON.parse(text);
        assert.doesNotMatch(text, /load-[^"]*@example\.org/);
      }
    // Nothing personal reached the logs (which did record the service's events).
    assert.ok(logLines.length > 0);
    assert.doesNotMatch(logLines.join('\n'), /example\.org|Load Test|HC-/);
  });
});
