// One contract for every Store implementation: the lowdb files (always) and Azure Blob Storage
// (against Azurite, started here; skipped with a message only when Azurite cannot start).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BlockBlobClient } from '@azure/storage-blob';
import sinon from 'sinon';
import { createBlobStore, type BlobStore } from '../../src/store/blobStore.js';
import { ConcurrencyError } from '../../src/store/etagRetry.js';
import { createLowdbStore } from '../../src/store/lowdbStore.js';
import { StoreClosedError, type Store } from '../../src/store/store.js';
import { useAzurite } from '../support/azurite.js';

/** Opens stores over one place (a folder, a container): a second open sees what the first wrote. */
interface Place {
  open(): Promise<Store>;
  remove(): Promise<void>;
}

type Counter = { n: number };
const increment = (cur: Counter | undefined) => ({
  value: { n: (cur?.n ?? 0) + 1 },
  result: (cur?.n ?? 0) + 1,
});

function storeContract(name: string, newPlace: () => Promise<Place>): void {
  describe(`${name} store (contract)`, () => {
    let place: Place;
    let store: Store;
    const opened: Store[] = [];
    const open = async () => {
      const s = await place.open();
      opened.push(s);
      return s;
    };
    beforeEach(async () => {
      place = await newPlace();
      store = await open();
    });
    afterEach(async () => {
      await Promise.all(opened.splice(0).map((s) => s.close()));
      await place.remove();
    });

    it('gets nothing for a missing document, then what update wrote, as a copy', async () => {
      assert.equal(await store.records.get('things', 'a'), undefined);
      const result = await store.records.update<{ tags: string[] }, string>('things', 'a', (cur) => {
        assert.equal(cur, undefined);
        return { value: { tags: ['x'] }, result: 'created' };
      });
      assert.equal(result, 'created');
      const got = await store.records.get<{ tags: string[] }>('things', 'a');
      assert.deepEqual(got, { tags: ['x'] });
      got?.tags.push('changed by the caller');
      assert.deepEqual(await store.records.get('things', 'a'), { tags: ['x'] });
    });

    it('passes the current value to the change and keeps text in any language', async () => {
      await store.records.update('things', 'a', () => ({ value: { text: 'café, Straße, 🙂' }, result: 0 }));
      const seen = await store.records.update<{ text: string }, string>('things', 'a', (cur) => ({
        value: { text: `${cur?.text} again` },
        result: cur?.text ?? '',
      }));
      assert.equal(seen, 'café, Straße, 🙂');
      assert.deepEqual(await store.records.get('things', 'a'), { text: 'café, Straße, 🙂 again' });
    });

    it('lists the ids of one collection only, and deletes by change or by delete()', async () => {
      assert.deepEqual(await store.records.list('things'), []);
      for (const id of ['a', 'b', 'c'])
        await store.records.update('things', id, () => ({ value: { id }, result: 0 }));
      await store.records.update('other', 'z', () => ({ value: { id: 'z' }, result: 0 }));
      assert.deepEqual((await store.records.list('things')).sort(), ['a', 'b', 'c']);

      const removed = await store.records.update('things', 'a', () => ({ value: undefined, result: 'gone' }));
      assert.equal(removed, 'gone');
      await store.records.delete('things', 'b');
      await store.records.delete('things', 'never-existed');
      assert.deepEqual(await store.records.list('things'), ['c']);
      assert.equal(await store.records.get('things', 'a'), undefined);
      assert.deepEqual(await store.records.list('other'), ['z']);
    });

    it('writes nothing when the change throws, and carries on after', async () => {
      await store.records.update('things', 'a', () => ({ value: { v: 1 }, result: 0 }));
      await assert.rejects(
        () =>
          store.records.update('things', 'a', () => {
            throw new Error('refused by the change');
          }),
        /refused by the change/,
      );
      assert.deepEqual(await store.records.get('things', 'a'), { v: 1 });
      await store.records.update('things', 'a', () => ({ value: { v: 2 }, result: 0 }));
      assert.deepEqual(await store.records.get('things', 'a'), { v: 2 });
    });

    it('serialises concurrent changes to one document: 100 increments give 100', async () => {
      const results = await Promise.all(
        Array.from({ length: 100 }, () => store.records.update('counters', 'c1', increment)),
      );
      assert.deepEqual(await store.records.get('counters', 'c1'), { n: 100 });
      // Each change saw a different current value: none was applied twice or lost.
      assert.deepEqual(
        [...results].sort((a, b) => a - b),
        Array.from({ length: 100 }, (_, i) => i + 1),
      );
    });

    it('keeps records when the store is opened again', async () => {
      await store.records.update('things', 'kept', () => ({ value: { kept: true }, result: 0 }));
      await store.close();
      const again = await open();
      assert.deepEqual(await again.records.get('things', 'kept'), { kept: true });
      assert.deepEqual(await again.records.list('things'), ['kept']);
    });

    it('refuses names that could escape the collection', async () => {
      for (const bad of ['../x', 'a/b', '..', '', '.hidden', 'a\\b', 'x'.repeat(200)]) {
        await assert.rejects(() => store.records.get('things', bad), /Invalid record id/);
        await assert.rejects(
          () => store.records.update('things', bad, () => ({ value: {}, result: 0 })),
          /Invalid record id/,
        );
        await assert.rejects(() => store.records.delete('things', bad), /Invalid record id/);
      }
      await assert.rejects(() => store.records.list('../etc'), /Invalid record collection/);
      await assert.rejects(() => store.records.get('a/b', 'x'), /Invalid record collection/);
    });

    it('keeps bot state per key and honours eTags like the SDK storage', async () => {
      const key = 'test/conversations/conv 1/with:odd|chars';
      await store.botState.write({ [key]: { turn: 1, text: 'naïve 🙂' } });
      const first = await store.botState.read([key, 'test/conversations/missing']);
      assert.equal(first[key].turn, 1);
      assert.equal(first[key].text, 'naïve 🙂');
      assert.equal(first['test/conversations/missing'], undefined);
      assert.deepEqual(Object.keys(first), [key]);
      const eTag = first[key].eTag as string;
      assert.equal(typeof eTag, 'string');

      await store.botState.write({ [key]: { turn: 2, eTag } });
      await assert.rejects(() => store.botState.write({ [key]: { turn: 3, eTag } }), /eTag conflict/);
      await store.botState.write({ [key]: { turn: 4, eTag: '*' } });
      assert.equal((await store.botState.read([key]))[key].turn, 4);
      await store.botState.delete([key]);
      assert.deepEqual(await store.botState.read([key]), {});
    });

    it('purges the bot state items an expiry names, passing each its own key, and no records', async () => {
      const conversation = 'test/conversations/conv 1/';
      const user = 'test/users/user:1/';
      await store.botState.write({ [conversation]: { turn: 1 }, [user]: { progress: 2 } });
      await store.records.update('things', 'a', () => ({ value: { record: true }, result: 0 }));
      const seen: string[] = [];
      const later = new Date(Date.now() + 60_000);

      // Written before this moment but not expired: nothing goes.
      const none = await store.purgeBotState({
        keepIfWrittenSince: later,
        expired: (key, written) => {
          seen.push(key.replace(/\/$/, ''));
          assert.ok(written <= later, 'the time each item was written');
          return false;
        },
      });
      assert.equal(none, 0);
      assert.deepEqual(seen.sort(), [conversation, user].map((k) => k.replace(/\/$/, '')).sort());

      // Written after the fast-path moment: kept without asking.
      assert.equal(await store.purgeBotState({ keepIfWrittenSince: new Date(0), expired: () => true }), 0);

      // Only conversations expired.
      const one = await store.purgeBotState({
        keepIfWrittenSince: later,
        expired: (key) => key.includes('/conversations/'),
      });
      assert.equal(one, 1);
      assert.deepEqual(await store.botState.read([conversation]), {});
      assert.equal((await store.botState.read([user]))[user].progress, 2);
      assert.deepEqual(await store.records.get('things', 'a'), { record: true });
    });

    it('keeps bot state apart from records', async () => {
      await store.botState.write({ 'records/things/a.json': { state: true } });
      await store.records.update('things', 'a', () => ({ value: { record: true }, result: 0 }));
      assert.deepEqual(await store.records.get('things', 'a'), { record: true });
      assert.equal(
        (await store.botState.read(['records/things/a.json']))['records/things/a.json'].state,
        true,
      );
      assert.deepEqual(await store.records.list('things'), ['a']);
    });

    it('finishes writes under way on close and refuses new ones after', async () => {
      const writes = Array.from({ length: 10 }, (_, i) =>
        store.records.update('late', `d${i}`, () => ({ value: { i }, result: i })),
      );
      const counted = Array.from({ length: 10 }, () => store.records.update('late', 'count', increment));
      const state = store.botState.write({ 'test/late': { saved: true } });
      await store.close();
      assert.deepEqual(await Promise.all(writes), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      await Promise.all(counted);
      await state;
      await assert.rejects(
        () => store.records.update('late', 'x', () => ({ value: {}, result: 0 })),
        StoreClosedError,
      );
      await assert.rejects(() => store.records.delete('late', 'd1'), StoreClosedError);
      await assert.rejects(() => store.botState.write({ 'test/late': { saved: false } }), StoreClosedError);

      const reader = await open();
      assert.equal((await reader.records.list('late')).length, 11);
      assert.deepEqual(await reader.records.get('late', 'count'), { n: 10 });
      assert.equal((await reader.botState.read(['test/late']))['test/late'].saved, true);
    });
  });
}

storeContract('lowdb', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'skcontract-'));
  return {
    open: () => createLowdbStore(dir),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
});

describe('Azure Blob store against Azurite', function () {
  const azurite = useAzurite('the Azure Blob store tests');

  const newContainer = () => `t-${randomUUID()}`;
  const blobPlace = async (): Promise<Place> => {
    const containerName = newContainer();
    const connectionString = azurite().connectionString;
    return {
      open: () => createBlobStore({ connectionString, containerName }),
      remove: async () => {
        const { ContainerClient } = await import('@azure/storage-blob');
        await new ContainerClient(connectionString, containerName).deleteIfExists();
      },
    };
  };

  storeContract('Azure Blob', blobPlace);

  describe('optimistic concurrency on ETags', () => {
    let stores: BlobStore[] = [];
    const openBlob = async (containerName: string, maxAttempts?: number) => {
      const s = await createBlobStore({
        connectionString: azurite().connectionString,
        containerName,
        retry: maxAttempts ? { maxAttempts, baseDelayMs: 1, maxDelayMs: 2 } : undefined,
      });
      stores.push(s);
      return s;
    };
    afterEach(async () => {
      sinon.restore();
      await Promise.all(stores.map((s) => s.close()));
      stores = [];
    });

    it('two instances on one container: 2 x 50 concurrent increments give 100, with conflicts retried', async () => {
      const container = newContainer();
      const [a, b] = [await openBlob(container), await openBlob(container)];
      const results = await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          (i % 2 ? a : b).records.update('counters', 'shared', increment),
        ),
      );
      assert.deepEqual(await a.records.get('counters', 'shared'), { n: 100 });
      assert.equal(new Set(results).size, 100, 'every increment saw a different value');
      assert.ok(a.stats.conflicts + b.stats.conflicts > 0, 'the two instances should have collided');
      assert.equal(a.stats.exhausted + b.stats.exhausted, 0);
    });

    it('gives up after the set number of conflicts with a clear error, writing nothing', async () => {
      const store = await openBlob(newContainer(), 3);
      await store.records.update('things', 'a', () => ({ value: { v: 1 }, result: 0 }));
      const conflict = Object.assign(new Error('ConditionNotMet'), { statusCode: 412 });
      const upload = sinon.stub(BlockBlobClient.prototype, 'upload').rejects(conflict);
      let calls = 0;
      await assert.rejects(
        () =>
          store.records.update<{ v: number }, void>('things', 'a', (cur) => {
            calls += 1;
            return { value: { v: (cur?.v ?? 0) + 1 }, result: undefined };
          }),
        (error: unknown) =>
          error instanceof ConcurrencyError &&
          /Could not update record things\/a: it was changed by another instance on each of 3 attempts/.test(
            error.message,
          ),
      );
      upload.restore();
      assert.equal(calls, 3);
      assert.equal(store.stats.conflicts, 3);
      assert.equal(store.stats.exhausted, 1);
      assert.deepEqual(await store.records.get('things', 'a'), { v: 1 });
    });

    it('creates with If-None-Match: a document created meanwhile by another instance is not overwritten', async () => {
      const container = newContainer();
      const [a, b] = [await openBlob(container), await openBlob(container)];
      const upload = BlockBlobClient.prototype.upload;
      let raced = false;
      sinon.stub(BlockBlobClient.prototype, 'upload').callsFake(async function (
        this: BlockBlobClient,
        ...args
      ) {
        if (!raced) {
          raced = true;
          await b.records.update('things', 'race', () => ({ value: { owner: ['b'] }, result: 0 }));
        }
        return upload.apply(this, args);
      });
      const merged = await a.records.update<{ owner: string[] }, string[]>('things', 'race', (cur) => {
        const owner = [...(cur?.owner ?? []), 'a'];
        return { value: { owner }, result: owner };
      });
      assert.deepEqual(merged, ['b', 'a']);
      assert.deepEqual(await b.records.get('things', 'race'), { owner: ['b', 'a'] });
      assert.equal(a.stats.conflicts, 1);
    });

    it('does not apply a change twice when its write landed but the answer was lost', async () => {
      const store = await openBlob(newContainer());
      await store.records.update('counters', 'c', increment);
      const upload = BlockBlobClient.prototype.upload;
      let lose = true;
      sinon.stub(BlockBlobClient.prototype, 'upload').callsFake(async function (
        this: BlockBlobClient,
        ...args
      ) {
        const response = await upload.apply(this, args);
        if (lose) {
          lose = false;
          // As if the SDK's own retry of a lost response met our write: 412.
          throw Object.assign(new Error('ConditionNotMet'), { statusCode: 412 });
        }
        return response;
      });
      assert.equal(await store.records.update('counters', 'c', increment), 2);
      assert.deepEqual(await store.records.get('counters', 'c'), { n: 2 });
    });

    it('stops the start with a message naming the setting when the account cannot be reached', async () => {
      await assert.rejects(
        () =>
          createBlobStore({
            connectionString: azurite().connectionString.replace(/127\.0\.0\.1:\d+/, '127.0.0.1:1'),
            containerName: newContainer(),
            requestTries: 1,
          }),
        /Cannot open the Azure Blob Storage container "t-.*" \(check AZURE_STORAGE_CONNECTION_STRING/,
      );
    });
  });
});
