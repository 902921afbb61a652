// Several instances record insights at once: each writes its own shard of the week, and the
// dashboard reads the week added up, with nothing lost.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { INSIGHTS_COLLECTION, Insights, mergeWeeks } from '../../src/insights/insights.js';
import { silentLogger } from '../../src/logger.js';
import { createLowdbStore } from '../../src/store/lowdbStore.js';
import type { Store } from '../../src/store/store.js';

describe('insights from several instances', () => {
  let dir: string;
  let store: Store;
  const now = () => new Date('2026-11-21T10:00:00Z');
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'skshards-'));
    store = await createLowdbStore(dir);
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes one shard per instance and reads the week added up', async () => {
    const a = new Insights(store.records, now, silentLogger, 'aaaa');
    const b = new Insights(store.records, now, silentLogger, 'bbbb');
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 ? a : b).record({ type: 'journey_started', journey: 'workshop', channel: 'msteams' }),
      ),
    );
    await a.record({ type: 'unanswered', kind: 'no_answer', text: 'Where is the hub?' });
    await b.record({ type: 'unanswered', kind: 'no_answer', text: 'where is the hub' });
    await b.record({ type: 'feedback', journey: 'workshop', helpful: false, comment: 'too long' });

    assert.deepEqual((await store.records.list(INSIGHTS_COLLECTION)).sort(), [
      '2026-W47.aaaa',
      '2026-W47.bbbb',
    ]);
    for (const reader of [a, b, new Insights(store.records, now, silentLogger)]) {
      const [week] = await reader.weeks(['2026-W47']);
      assert.equal(week.counts['journey_started|workshop|msteams|-'], 40);
      assert.equal(Object.values(week.questions)[0].count, 2);
      assert.equal(week.comments.length, 1);
    }
    const [other] = await a.weeks(['2026-W46']);
    assert.deepEqual(other.counts, {});
  });

  it('still reads a week written before sharding, beside its shards', async () => {
    await store.records.update(INSIGHTS_COLLECTION, '2026-W47', () => ({
      value: {
        week: '2026-W47',
        counts: { 'conversation_started|directline|-': 5 },
        questions: {},
        comments: [],
      },
      result: null,
    }));
    const a = new Insights(store.records, now, silentLogger, 'cccc');
    await a.record({ type: 'conversation_started', channel: 'directline' });
    const [week] = await a.weeks(['2026-W47']);
    assert.equal(week.counts['conversation_started|directline|-'], 6);
  });

  it('keeps the caps when adding shards up', () => {
    const shard = (n: number) => ({
      week: 'w',
      counts: {},
      questions: Object.fromEntries(
        Array.from({ length: 300 }, (_, i) => [`q${n}-${i}`, { text: 't', kind: 'no_answer', count: i }]),
      ),
      comments: Array.from({ length: 150 }, () => ({ journey: 'j', helpful: true, text: 'ok' })),
    });
    const merged = mergeWeeks('w', [shard(1), shard(2)]);
    assert.equal(Object.keys(merged.questions).length, 500);
    assert.equal(merged.comments.length, 200);
    assert.ok(
      Object.values(merged.questions).every((q) => q.count >= 50),
      'the most asked are kept',
    );
  });
});
