import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { applyEvent, Insights } from '../../src/insights/insights.js';
import { isoWeek, recentWeeks } from '../../src/insights/isoWeek.js';
import { silentLogger } from '../../src/logger.js';
import { createLowdbStore } from '../../src/store/lowdbStore.js';
import type { RecordStore, Store } from '../../src/store/store.js';

describe('ISO weeks', () => {
  it('labels dates by their ISO week, including across the new year', () => {
    assert.equal(isoWeek(new Date('2026-11-21T12:00:00Z')), '2026-W47');
    assert.equal(isoWeek(new Date('2027-01-01T12:00:00Z')), '2026-W53');
    assert.equal(isoWeek(new Date('2024-12-30T12:00:00Z')), '2025-W01');
  });
  it('lists recent weeks oldest first', () => {
    assert.deepEqual(recentWeeks(new Date('2026-11-21T12:00:00Z'), 3), ['2026-W45', '2026-W46', '2026-W47']);
  });
});

describe('insights', () => {
  let dir: string;
  let store: Store;
  let insights: Insights;
  const now = new Date('2026-11-21T10:00:00Z');
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'skinsights-'));
    store = await createLowdbStore(dir);
    insights = new Insights(store.records, () => now, silentLogger);
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('counts events of the week without losing any under concurrency', async () => {
    await Promise.all(
      Array.from({ length: 50 }, () =>
        insights.record({
          type: 'journey_started',
          journey: 'bystander',
          channel: 'directline',
          source: 'KREC',
        }),
      ),
    );
    await insights.record({ type: 'booking', action: 'booked', sessionId: 'hc-2027-01', seats: 3 });
    const [week] = await insights.weeks(['2026-W47']);
    assert.equal(week.counts['journey_started|bystander|directline|KREC'], 50);
    assert.equal(week.counts['booking|booked|hc-2027-01'], 3);
  });

  it('keeps unanswered questions grouped and without personal data anywhere in DATA_DIR', async () => {
    await insights.record({
      type: 'unanswered',
      kind: 'low_confidence',
      text: 'Can I park at the hub? email me sam@example.org',
    });
    await insights.record({
      type: 'unanswered',
      kind: 'low_confidence',
      text: 'can i park at the hub? Email me ALEX@EXAMPLE.ORG',
    });
    await insights.record({
      type: 'feedback',
      journey: 'report',
      helpful: false,
      comment: 'ring me on 07700 900123',
    });
    const [week] = await insights.weeks(['2026-W47']);
    const questions = Object.values(week.questions);
    assert.equal(questions.length, 1);
    assert.equal(questions[0].count, 2);
    for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const text = await readFile(path.join(entry.parentPath, entry.name), 'utf8');
      assert.doesNotMatch(text, /example\.org|07700/i);
    }
  });

  it('cuts forged counter parts down to safe tokens', () => {
    const week = applyEvent(undefined, '2026-W47', {
      type: 'conversation_started',
      channel: 'directline',
      source: '<script>|alert(1)',
    });
    assert.deepEqual(Object.keys(week.counts), ['conversation_started|directline|scriptalert1']);
  });

  it('never throws into a conversation when the store fails', async () => {
    const broken: RecordStore = {
      get: async () => undefined,
      list: async () => [],
      delete: async () => undefined,
      update: async () => {
        throw new Error('disk full');
      },
    };
    const flaky = new Insights(broken, () => now, silentLogger);
    await flaky.record({ type: 'interest', ward: 'tolworth', role: 'neighbourhood-watch' });
  });

  it('returns empty weeks for weeks with no events', async () => {
    const [week] = await insights.weeks(['2020-W01']);
    assert.deepEqual(week.counts, {});
  });
});
