// Temporary files a crash left in DATA_DIR are removed at start (issue 17, finding 13); one being
// written right now (by another instance sharing the folder) is left alone.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createLowdbStore } from '../../src/store/lowdbStore.js';

describe('security: leftover temporary files', () => {
  let dataDir: string;
  before(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'skleftovers-'));
  });
  after(() => rm(dataDir, { recursive: true, force: true }));

  it('removes old .json.tmp files at start and keeps fresh ones and real records', async () => {
    const records = path.join(dataDir, 'records', 'bookings');
    const state = path.join(dataDir, 'state', 'ab');
    await mkdir(records, { recursive: true });
    await mkdir(state, { recursive: true });
    const crashed = [path.join(records, '.s1.json.tmp'), path.join(state, '.abc.json.tmp')];
    const fresh = path.join(records, '.s2.json.tmp');
    const record = path.join(records, 's1.json');
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const file of [...crashed, fresh, record]) await writeFile(file, '{}');
    for (const file of [...crashed, record]) await utimes(file, hourAgo, hourAgo);

    const store = await createLowdbStore(dataDir);
    await store.close();

    for (const file of crashed) assert.equal(await stat(file).catch(() => undefined), undefined, file);
    assert.ok(await stat(fresh), 'a write under way was removed');
    assert.ok(await stat(record), 'a record was removed');
  });
});
