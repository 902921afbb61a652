// The embedded default store: one small lowdb JSON file per document under DATA_DIR.
// One file per document keeps the cost of a message independent of how many conversations and
// records exist. lowdb's JSONFile writes through steno (temporary file, then rename), so a crash
// mid-write leaves the previous valid file; KeyedMutex serialises changes to the same file.
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Storage, StoreItems } from 'botbuilder';
import { Low } from 'lowdb';
import { JSONFile, TextFile } from 'lowdb/node';
import { InFlightWrites } from './inFlight.js';
import { KeyedMutex } from './keyedMutex.js';
import { LruCache } from './lruCache.js';
import {
  assertSafeName,
  type DocumentChange,
  type RecordStore,
  type StateExpiry,
  type Store,
} from './store.js';

const STATE_DIR = 'state';
const RECORDS_DIR = 'records';

/** A bot state item as stored: the key is kept so a file can be traced back to its owner. */
interface StoredStateItem {
  key: string;
  eTag: string;
  value: Record<string, unknown>;
}

async function readJson<T>(file: string): Promise<T | undefined> {
  const db = new Low<T | null>(new JSONFile<T | null>(file), null);
  await db.read();
  return db.data ?? undefined;
}

async function writeJson<T>(file: string, value: T): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const db = new Low<T>(new JSONFile<T>(file), value);
  await db.write();
}

/** Recently used state items kept in memory (as JSON text, so callers never share objects). */
const STATE_CACHE_ITEMS = 5_000;
/** In the state cache: the key has no file. */
const ABSENT = '';

class LowdbBotState implements Storage {
  private readonly cache = new LruCache<string, string>(STATE_CACHE_ITEMS);
  /** File names of recent keys: every turn reads and writes the same few keys. */
  private readonly files = new LruCache<string, string>(STATE_CACHE_ITEMS);
  /** The 256 sub-folders, once each is known to exist (a mkdir per write was measurable). */
  private readonly folders = new Set<string>();

  constructor(
    private readonly dir: string,
    private readonly mutex: KeyedMutex,
    private readonly writes: InFlightWrites,
  ) {}

  /** Keys are free text chosen by the SDK: hash them into fixed-length, safe file names. */
  private fileFor(key: string): string {
    let file = this.files.get(key);
    if (file === undefined) {
      const hash = createHash('sha256').update(key).digest('hex');
      file = path.join(this.dir, hash.slice(0, 2), `${hash}.json`);
      this.files.set(key, file);
    }
    return file;
  }

  /** Writes through lowdb's TextFile (steno: temporary file, then rename), serialised once. */
  private async save(file: string, text: string): Promise<void> {
    const folder = path.dirname(file);
    if (!this.folders.has(folder)) {
      await mkdir(folder, { recursive: true });
      this.folders.add(folder);
    }
    try {
      await new TextFile(file).write(text);
    } catch (error) {
      // The folder was removed by hand since: make it again and write once more.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      await mkdir(folder, { recursive: true });
      await new TextFile(file).write(text);
    }
  }

  /**
   * This process is the only writer of its DATA_DIR, so a cached item is always current. A key with
   * no file is remembered too (as ''): most turns ask for user state that was never written.
   */
  private async load(file: string): Promise<StoredStateItem | undefined> {
    const cached = this.cache.get(file);
    if (cached !== undefined) return cached === ABSENT ? undefined : (JSON.parse(cached) as StoredStateItem);
    const stored = await readJson<StoredStateItem>(file);
    // A write that finished while the file was being read is newer: keep what it cached.
    if (this.cache.get(file) === undefined) this.cache.set(file, stored ? JSON.stringify(stored) : ABSENT);
    return stored;
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    await Promise.all(
      keys.map(async (key) => {
        const stored = await this.load(this.fileFor(key));
        if (stored) items[key] = { ...stored.value, eTag: stored.eTag };
      }),
    );
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    await Promise.all(
      Object.entries(changes).map(([key, change]) => {
        const file = this.fileFor(key);
        return this.writes.track(() =>
          this.mutex.run(file, async () => {
            const { eTag: wanted, ...value } = (change ?? {}) as Record<string, unknown>;
            const current = await this.load(file);
            // Same rule as the SDK's MemoryStorage: '*' or no eTag writes unconditionally.
            if (current && typeof wanted === 'string' && wanted !== '*' && wanted !== current.eTag) {
              throw new Error(`Storage: eTag conflict for a state item; it was changed by another turn`);
            }
            const text = JSON.stringify({ key, eTag: randomUUID(), value } satisfies StoredStateItem);
            await this.save(file, text);
            this.cache.set(file, text);
          }),
        );
      }),
    );
  }

  async delete(keys: string[]): Promise<void> {
    await Promise.all(
      keys.map((key) => {
        const file = this.fileFor(key);
        return this.writes.track(() =>
          this.mutex.run(file, async () => {
            await rm(file, { force: true });
            this.cache.set(file, ABSENT);
          }),
        );
      }),
    );
  }

  /** Walks every state file; the file's modification time is when the item was last saved. */
  async purge(expiry: StateExpiry): Promise<number> {
    let deleted = 0;
    for (const folder of await readdirOrNone(this.dir)) {
      for (const name of await readdirOrNone(path.join(this.dir, folder))) {
        if (!name.endsWith('.json') || name.startsWith('.')) continue;
        const file = path.join(this.dir, folder, name);
        if (await this.purgeOne(file, expiry)) deleted++;
      }
    }
    return deleted;
  }

  private purgeOne(file: string, expiry: StateExpiry): Promise<boolean> {
    return this.writes.track(() =>
      // Under the file's lock, so a turn saving it at the same moment is never undone.
      this.mutex.run(file, async () => {
        const written = await stat(file).then(
          (s) => s.mtime,
          () => undefined,
        );
        if (!written || written >= expiry.keepIfWrittenSince) return false;
        // Read past the cache, so that a purge does not push the items in use out of it.
        const stored = await readJson<StoredStateItem>(file).catch(() => undefined);
        if (!stored || !expiry.expired(String(stored.key), written)) return false;
        await rm(file, { force: true });
        this.cache.set(file, ABSENT);
        return true;
      }),
    );
  }
}

async function readdirOrNone(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

class LowdbRecords implements RecordStore {
  constructor(
    private readonly dir: string,
    private readonly mutex: KeyedMutex,
    private readonly writes: InFlightWrites,
  ) {}

  private fileFor(collection: string, id: string): string {
    assertSafeName('collection', collection);
    assertSafeName('id', id);
    return path.join(this.dir, collection, `${id}.json`);
  }

  async get<T>(collection: string, id: string): Promise<T | undefined> {
    return readJson<T>(this.fileFor(collection, id));
  }

  async update<T, R>(
    collection: string,
    id: string,
    change: (current: T | undefined) => DocumentChange<T, R>,
  ): Promise<R> {
    const file = this.fileFor(collection, id);
    return this.writes.track(() =>
      this.mutex.run(file, async () => {
        const { value, result } = change(await readJson<T>(file));
        if (value === undefined) await rm(file, { force: true });
        else await writeJson(file, value);
        return result;
      }),
    );
  }

  async list(collection: string): Promise<string[]> {
    assertSafeName('collection', collection);
    try {
      const names = await readdir(path.join(this.dir, collection));
      return names.filter((n) => n.endsWith('.json') && !n.startsWith('.')).map((n) => n.slice(0, -5));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  async delete(collection: string, id: string): Promise<void> {
    const file = this.fileFor(collection, id);
    return this.writes.track(() => this.mutex.run(file, () => rm(file, { force: true })));
  }
}

export async function createLowdbStore(dataDir: string): Promise<Store> {
  await mkdir(path.join(dataDir, STATE_DIR), { recursive: true });
  await mkdir(path.join(dataDir, RECORDS_DIR), { recursive: true });
  await removeLeftoverTempFiles([path.join(dataDir, STATE_DIR), path.join(dataDir, RECORDS_DIR)]);
  const mutex = new KeyedMutex();
  const writes = new InFlightWrites();
  const botState = new LowdbBotState(path.join(dataDir, STATE_DIR), mutex, writes);
  return {
    botState,
    records: new LowdbRecords(path.join(dataDir, RECORDS_DIR), mutex, writes),
    purgeBotState: (expiry) => botState.purge(expiry),
    close: () => writes.close(),
  };
}

/** A write under way is milliseconds old; a temporary file older than this was left by a crash. */
const LEFTOVER_AFTER_MS = 60_000;

/**
 * Removes the temporary files (steno's ".name.json.tmp") that a crash in the middle of a write left
 * behind. Only old ones: another instance sharing DATA_DIR may be writing right now.
 */
async function removeLeftoverTempFiles(dirs: string[]): Promise<void> {
  const cutoff = Date.now() - LEFTOVER_AFTER_MS;
  for (const dir of dirs) {
    const entries = await readdir(dir, { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      if (!entry.isFile() || !entry.name.startsWith('.') || !entry.name.endsWith('.tmp')) continue;
      const file = path.join(entry.parentPath, entry.name);
      const info = await stat(file).catch(() => undefined);
      if (info && info.mtimeMs < cutoff) await rm(file, { force: true });
    }
  }
}
