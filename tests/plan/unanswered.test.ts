import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createLowdbStore } from '../../src/store/lowdbStore.js';
import type { Store } from '../../src/store/store.js';
import { redactPersonalData } from '../../src/plan/redact.js';
import { recordUnanswered, UNANSWERED_COLLECTION, type UnansweredDay } from '../../src/plan/unanswered.js';

describe('unanswered plan questions for the staff insights', () => {
  it('removes emails, phone numbers, postcodes, street addresses and given names', () => {
    const cases: [string, string][] = [
      ['email me at jo.bloggs@example.co.uk please', 'email me at [email] please'],
      ['call 07700 900123 or +44 20 8547 5000', 'call [phone] or [phone]'],
      ['ring (020) 8547-5000 today', 'ring [phone] today'],
      ['I live at 12 Acacia Road, KT1 1EU', 'I live at [address], [postcode]'],
      ['near kt11eu', 'near [postcode]'],
      ['my name is Jane Smith and I ask about VAWG', 'my name is [name] and I ask about VAWG'],
    ];
    for (const [input, expected] of cases) assert.equal(redactPersonalData(input), expected);
  });

  it('keeps the plan years and figures people ask about', () => {
    const q = 'Does the 2024-2029 plan replace the 2008/11 one? What about the 48% figure and 2022-25?';
    assert.equal(redactPersonalData(q), q);
  });

  describe('recording', () => {
    let dir: string;
    let store: Store;
    beforeEach(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'plan-unanswered-'));
      store = await createLowdbStore(dir);
    });
    afterEach(async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    });

    it('keeps one document a day, counts repeats, and stores no user or time of day', async () => {
      const now = new Date('2026-11-21T10:30:00Z');
      await Promise.all([
        recordUnanswered(store.records, 'Bin days?', ['governance', 'evaluation'], now),
        recordUnanswered(store.records, 'bin days?', ['governance', 'evaluation'], now),
        recordUnanswered(store.records, 'Parking for jo@example.com', ['partnership'], now),
      ]);
      assert.deepEqual(await store.records.list(UNANSWERED_COLLECTION), ['2026-11-21']);
      const day = await store.records.get<UnansweredDay>(UNANSWERED_COLLECTION, '2026-11-21');
      assert.ok(day);
      const bins = day.questions.find((q) => q.question.toLowerCase() === 'bin days?');
      assert.equal(bins?.count, 2);
      assert.ok(day.questions.some((q) => q.question === 'Parking for [email]'));
      assert.doesNotMatch(JSON.stringify(day), /10:30|example\.com/);
    });
  });
});
