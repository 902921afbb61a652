import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Insights } from '../../src/insights/insights.js';
import { silentLogger } from '../../src/logger.js';
import { createLowdbStore } from '../../src/store/lowdbStore.js';
import type { RecordStore, Store } from '../../src/store/store.js';

describe('insights: events that come together are written together', () => {
  let dir: string;
  let store: Store;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'skinsights-batch-'));
    store = await createLowdbStore(dir);
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes 100 events in a few updates, loses none, and resolves each once it is written', async () => {
    let updates = 0;
    const counting: RecordStore = {
      ...store.records,
      get: (c, id) => store.records.get(c, id),
      list: (c) => store.records.list(c),
      delete: (c, id) => store.records.delete(c, id),
      update: (c, id, change) => {
        updates++;
        return store.records.update(c, id, change);
      },
    };
    const now = new Date('2026-11-21T10:00:00Z');
    const insights = new Insights(counting, () => now, silentLogger, 'test');
    await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        insights.record({
          type: 'journey_started',
          journey: i % 2 ? 'volunteer' : 'report',
          channel: 'webchat',
        }),
      ),
    );
    assert.ok(updates <= 3, `${updates} updates`);
    const [week] = await insights.weeks(['2026-W47']);
    assert.equal(week.counts['journey_started|volunteer|webchat|-'], 50);
    assert.equal(week.counts['journey_started|report|webchat|-'], 50);

    // One more, alone, is written before its promise resolves.
    await insights.record({ type: 'feedback', journey: 'report', helpful: true });
    const [after] = await insights.weeks(['2026-W47']);
    assert.equal(after.counts['feedback|report|helpful'], 1);
  });

  it('a failed write is logged and does not stop later events', async () => {
    let fail = true;
    const flaky: RecordStore = {
      ...store.records,
      get: (c, id) => store.records.get(c, id),
      list: (c) => store.records.list(c),
      delete: (c, id) => store.records.delete(c, id),
      update: (c, id, change) => {
        if (fail) {
          fail = false;
          return Promise.reject(new Error('disk full'));
        }
        return store.records.update(c, id, change);
      },
    };
    const warned: string[] = [];
    const logger = { ...silentLogger, warn: (event: string) => void warned.push(event) };
    const insights = new Insights(flaky, () => new Date('2026-11-21T10:00:00Z'), logger, 'test');
    await insights.record({ type: 'feedback', journey: 'report', helpful: false });
    await insights.record({ type: 'feedback', journey: 'report', helpful: true });
    assert.deepEqual(warned, ['insight_not_recorded']);
    const [week] = await insights.weeks(['2026-W47']);
    assert.equal(week.counts['feedback|report|helpful'], 1);
    assert.equal(week.counts['feedback|report|not_helpful'], undefined);
  });

  it('with a flush interval, writes a burst of events in one update, after the interval or when read', async () => {
    let updates = 0;
    const counting: RecordStore = {
      ...store.records,
      get: (c, id) => store.records.get(c, id),
      list: (c) => store.records.list(c),
      delete: (c, id) => store.records.delete(c, id),
      update: (c, id, change) => {
        updates++;
        return store.records.update(c, id, change);
      },
    };
    const now = new Date('2026-11-21T10:00:00Z');
    const insights = new Insights(counting, () => now, silentLogger, 'test', undefined, 50);
    for (let i = 0; i < 40; i++)
      await insights.record({ type: 'journey_started', journey: 'report', channel: 'webchat' });
    assert.equal(updates, 0, 'nothing written while the interval runs');
    await new Promise((resolve) => setTimeout(resolve, 120));
    assert.equal(updates, 1, 'the 40 events in one write');
    const kept = await store.records.get<{ counts: Record<string, number> }>(
      'insights-weekly',
      '2026-W47.test',
    );
    assert.equal(kept?.counts['journey_started|report|webchat|-'], 40);

    // Read before the interval ends: what waits is written first, so the figures are current.
    await insights.record({ type: 'feedback', journey: 'report', helpful: true });
    const [week] = await insights.weeks(['2026-W47']);
    assert.equal(week.counts['feedback|report|helpful'], 1);
    assert.equal(updates, 2);
  });
});
