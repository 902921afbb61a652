import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createLowdbStore } from '../../src/store/lowdbStore.js';
import { StoreClosedError, type Store } from '../../src/store/store.js';
import { allFiles } from '../support/dataFiles.js';

describe('lowdb store', () => {
  let dir: string;
  let store: Store;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'skstore-'));
    store = await createLowdbStore(dir);
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('reads what was last written or deleted, also for keys first read before they existed', async () => {
    for (let i = 0; i < 20; i++) {
      const key = `race/${i}`;
      if (i % 2) await store.botState.write({ [key]: { turn: 0 } });
      await Promise.all([
        store.botState.read([key]),
        store.botState.write({ [key]: { turn: 1, eTag: '*' } }),
      ]);
      assert.equal((await store.botState.read([key]))[key]?.turn, 1, key);
      await store.botState.delete([key]);
      assert.deepEqual(await store.botState.read([key]), {}, `${key} deleted`);
    }
  });

  it('writes bot state again after its folder was removed by hand', async () => {
    await store.botState.write({ 'conv/1': { turn: 1 } });
    await rm(path.join(dir, 'state'), { recursive: true, force: true });
    await store.botState.write({ 'conv/1': { turn: 2, eTag: '*' } });
    const files = await allFiles(path.join(dir, 'state'));
    assert.equal(files.length, 1);
    assert.equal(JSON.parse(await readFile(files[0], 'utf8')).value.turn, 2);
  });

  it('serialises concurrent changes to one document: no lost update', async () => {
    await Promise.all(
      Array.from({ length: 100 }, () =>
        store.records.update<{ n: number }, void>('counters', 'c1', (cur) => ({
          value: { n: (cur?.n ?? 0) + 1 },
          result: undefined,
        })),
      ),
    );
    assert.deepEqual(await store.records.get('counters', 'c1'), { n: 100 });
  });

  it('leaves only complete JSON files and no temporary files behind', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.records.update('things', `t${i % 3}`, () => ({
          value: { i, padding: 'x'.repeat(1000) },
          result: i,
        })),
      ),
    );
    for (const file of await allFiles(dir)) {
      assert.ok(!path.basename(file).startsWith('.'), `temporary file left: ${file}`);
      JSON.parse(await readFile(file, 'utf8'));
    }
    assert.deepEqual((await store.records.list('things')).sort(), ['t0', 't1', 't2']);
  });

  it('deletes a document when a change returns no value, and on delete()', async () => {
    await store.records.update('things', 'a', () => ({ value: { a: 1 }, result: null }));
    await store.records.update('things', 'b', () => ({ value: { b: 1 }, result: null }));
    await store.records.update('things', 'a', () => ({ value: undefined, result: null }));
    await store.records.delete('things', 'b');
    assert.deepEqual(await store.records.list('things'), []);
    assert.deepEqual(await store.records.list('never-written'), []);
  });

  it('refuses names that could escape the data folder', async () => {
    for (const bad of ['../x', 'a/b', '..', '', '.hidden']) {
      await assert.rejects(() => store.records.get('things', bad), /Invalid record id/);
    }
    await assert.rejects(() => store.records.list('../etc'), /Invalid record collection/);
  });

  it('keeps bot state per key and honours eTags like the SDK storage', async () => {
    await store.botState.write({ 'conv/1': { turn: 1 } });
    const first = await store.botState.read(['conv/1', 'conv/missing']);
    assert.equal(first['conv/1'].turn, 1);
    assert.equal(first['conv/missing'], undefined);
    const eTag = first['conv/1'].eTag as string;
    await store.botState.write({ 'conv/1': { turn: 2, eTag } });
    await assert.rejects(() => store.botState.write({ 'conv/1': { turn: 3, eTag } }), /eTag conflict/);
    await store.botState.write({ 'conv/1': { turn: 4, eTag: '*' } });
    assert.equal((await store.botState.read(['conv/1']))['conv/1'].turn, 4);
    await store.botState.delete(['conv/1']);
    assert.deepEqual(await store.botState.read(['conv/1']), {});
  });

  it('finishes writes under way on close and refuses new ones after', async () => {
    const writes = Array.from({ length: 10 }, (_, i) =>
      store.records.update('late', `d${i}`, () => ({ value: { i }, result: i })),
    );
    await store.close();
    assert.deepEqual(await Promise.all(writes), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    assert.equal((await store.records.list('late')).length, 10);
    await assert.rejects(
      () => store.records.update('late', 'x', () => ({ value: {}, result: 0 })),
      StoreClosedError,
    );
  });
});
