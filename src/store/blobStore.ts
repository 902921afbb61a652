// The store for several instances: Azure Blob Storage (or the Azurite emulator).
// Bot state goes through the Bot Framework's own BlobsStorage (last writer wins for '*' eTags, as
// with every SDK storage). Records are one JSON blob each, under records/<collection>/<id>.json,
// changed with optimistic concurrency: read the blob and its ETag, let `change` decide, write with
// If-Match (or If-None-Match: * when creating), and on 412/409 read again and retry after a random
// pause. Within one process changes to a document also queue behind a mutex, so conflicts only
// come from other processes.
import { randomUUID } from 'node:crypto';
import { text } from 'node:stream/consumers';
import { ContainerClient, type BlobClient } from '@azure/storage-blob';
import type { Storage, StoreItems } from 'botbuilder';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import {
  backoffMs,
  ConcurrencyError,
  DEFAULT_RETRY_POLICY,
  isConflict,
  isNotFound,
  sleep,
  type ConflictStats,
  type RetryPolicy,
} from './etagRetry.js';
import { InFlightWrites } from './inFlight.js';
import { KeyedMutex } from './keyedMutex.js';
import {
  assertSafeName,
  type DocumentChange,
  type RecordStore,
  type StateExpiry,
  type Store,
} from './store.js';

const RECORDS_PREFIX = 'records/';
/** Bot state keys are prefixed so their blobs share one name prefix (handy for lifecycle rules). */
const STATE_PREFIX = 'state/';

export interface BlobStoreOptions {
  connectionString: string;
  containerName: string;
  retry?: Partial<RetryPolicy>;
  /** How often the SDK itself tries one request on network errors and 5xx (SDK default: 4). */
  requestTries?: number;
}

export interface BlobStore extends Store {
  /** What the optimistic writes of this process have met so far. */
  readonly stats: Readonly<ConflictStats>;
}

/** Creates the container once per process; a failed attempt is tried again on the next call. */
class ContainerReady {
  private ready: Promise<unknown> | undefined;
  constructor(private readonly container: ContainerClient) {}

  ensure(): Promise<unknown> {
    this.ready ??= this.container.createIfNotExists().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }
}

/** BlobsStorage, with its keys under one prefix and its writes tracked for a clean shutdown. */
class BlobBotState implements Storage {
  constructor(
    private readonly inner: BlobsStorage,
    private readonly writes: InFlightWrites,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    const found = await this.inner.read(keys.map((k) => STATE_PREFIX + k));
    const items: StoreItems = {};
    for (const [key, value] of Object.entries(found)) items[key.slice(STATE_PREFIX.length)] = value;
    return items;
  }

  write(changes: StoreItems): Promise<void> {
    const prefixed: StoreItems = {};
    for (const [key, value] of Object.entries(changes)) prefixed[STATE_PREFIX + key] = value;
    return this.writes.track(() => this.inner.write(prefixed));
  }

  delete(keys: string[]): Promise<void> {
    return this.writes.track(() => this.inner.delete(keys.map((k) => STATE_PREFIX + k)));
  }

  /**
   * BlobsStorage names each blob after its key, URL-encoded (so "state/" becomes "state%2F"); the
   * blob's last-modified time is when the item was last saved. A delete only matches the version
   * that was looked at (If-Match), so an item saved again meanwhile is kept.
   */
  async purge(container: ContainerClient, expiry: StateExpiry): Promise<number> {
    let deleted = 0;
    for await (const blob of container.listBlobsFlat({ prefix: encodeURIComponent(STATE_PREFIX) })) {
      const written = blob.properties.lastModified;
      if (written >= expiry.keepIfWrittenSince) continue;
      const key = decodeURIComponent(blob.name).slice(STATE_PREFIX.length);
      if (!expiry.expired(key, written)) continue;
      const gone = await this.writes.track(() =>
        container.deleteBlob(blob.name, { conditions: { ifMatch: blob.properties.etag } }).then(
          () => true,
          (error: unknown) => {
            if (isConflict(error) || isNotFound(error)) return false;
            throw error;
          },
        ),
      );
      if (gone) deleted++;
    }
    return deleted;
  }
}

interface Snapshot<T> {
  value: T | undefined;
  /** The ETag the blob had when read; undefined when there was no blob. */
  etag: string | undefined;
  /** The token of the write that produced this version (blob metadata). */
  writeId: string | undefined;
}

/** Blob metadata names must be C# identifiers; this one marks which write made a version. */
const WRITE_ID = 'writeid';

class BlobRecords implements RecordStore {
  private readonly mutex = new KeyedMutex();

  constructor(
    private readonly container: ContainerClient,
    private readonly ready: ContainerReady,
    private readonly writes: InFlightWrites,
    private readonly policy: RetryPolicy,
    readonly stats: ConflictStats,
  ) {}

  private blobName(collection: string, id: string): string {
    assertSafeName('collection', collection);
    assertSafeName('id', id);
    return `${RECORDS_PREFIX}${collection}/${id}.json`;
  }

  private async read<T>(blob: BlobClient): Promise<Snapshot<T>> {
    await this.ready.ensure();
    try {
      const response = await blob.download();
      const body = response.readableStreamBody ? await text(response.readableStreamBody) : '';
      return {
        value: body ? (JSON.parse(body) as T) : undefined,
        etag: response.etag,
        writeId: response.metadata?.[WRITE_ID],
      };
    } catch (error) {
      if (isNotFound(error)) return { value: undefined, etag: undefined, writeId: undefined };
      throw error;
    }
  }

  async get<T>(collection: string, id: string): Promise<T | undefined> {
    return (await this.read<T>(this.container.getBlobClient(this.blobName(collection, id)))).value;
  }

  /** One attempt: true when written (or nothing to write), false on a conflict. */
  private async tryWrite<T>(
    collection: string,
    blob: BlobClient,
    before: Snapshot<T>,
    value: T | undefined,
    writeId: string,
  ): Promise<boolean> {
    try {
      if (value === undefined) {
        if (before.etag !== undefined) await blob.delete({ conditions: { ifMatch: before.etag } });
        return true;
      }
      const body = Buffer.from(JSON.stringify(value), 'utf8');
      await blob.getBlockBlobClient().upload(body, body.length, {
        conditions: before.etag === undefined ? { ifNoneMatch: '*' } : { ifMatch: before.etag },
        blobHTTPHeaders: { blobContentType: 'application/json' },
        metadata: { [WRITE_ID]: writeId },
      });
      return true;
    } catch (error) {
      // 404: the blob we read was deleted meanwhile (a conditional delete or overwrite of it fails).
      if (isConflict(error) || isNotFound(error)) {
        this.stats.conflicts += 1;
        this.stats.byCollection[collection] = (this.stats.byCollection[collection] ?? 0) + 1;
        return false;
      }
      throw error;
    }
  }

  async update<T, R>(
    collection: string,
    id: string,
    change: (current: T | undefined) => DocumentChange<T, R>,
  ): Promise<R> {
    const name = this.blobName(collection, id);
    const blob = this.container.getBlobClient(name);
    return this.writes.track(() =>
      this.mutex.run(name, async () => {
        let previous: { writeId: string; result: R } | undefined;
        for (let attempt = 1; ; attempt++) {
          const before = await this.read<T>(blob);
          // The SDK retries a request whose answer was lost; if that retry met our own write as a
          // "conflict", the blob now carries our token: the change is saved, do not apply it twice.
          if (previous && before.writeId === previous.writeId) return previous.result;
          const { value, result } = change(before.value);
          const writeId = randomUUID();
          if (await this.tryWrite(collection, blob, before, value, writeId)) return result;
          previous = { writeId, result };
          if (attempt >= this.policy.maxAttempts) {
            // Before reporting "not saved", make sure the last attempt did not land after all.
            if ((await this.read<T>(blob)).writeId === writeId) return result;
            this.stats.exhausted += 1;
            throw new ConcurrencyError(collection, id, attempt);
          }
          await sleep(backoffMs(this.policy, attempt));
        }
      }),
    );
  }

  async list(collection: string): Promise<string[]> {
    assertSafeName('collection', collection);
    await this.ready.ensure();
    const prefix = `${RECORDS_PREFIX}${collection}/`;
    const ids: string[] = [];
    for await (const item of this.container.listBlobsFlat({ prefix })) {
      const rest = item.name.slice(prefix.length);
      if (rest.endsWith('.json') && !rest.includes('/')) ids.push(rest.slice(0, -'.json'.length));
    }
    return ids;
  }

  async delete(collection: string, id: string): Promise<void> {
    const name = this.blobName(collection, id);
    return this.writes.track(() =>
      this.mutex.run(name, async () => {
        await this.ready.ensure();
        await this.container.getBlobClient(name).deleteIfExists();
      }),
    );
  }
}

/**
 * Opens the store and makes sure its container exists, so that a wrong connection string or an
 * unreachable account stops the start instead of the first conversation.
 */
export async function createBlobStore(options: BlobStoreOptions): Promise<BlobStore> {
  const pipeline = options.requestTries ? { retryOptions: { maxTries: options.requestTries } } : {};
  const container = new ContainerClient(options.connectionString, options.containerName, pipeline);
  const ready = new ContainerReady(container);
  try {
    await ready.ensure();
  } catch (error) {
    // The SDK's message never contains the account key; the connection string is not repeated.
    throw new Error(
      `Cannot open the Azure Blob Storage container "${options.containerName}" ` +
        `(check AZURE_STORAGE_CONNECTION_STRING and that the account is reachable): ${(error as Error).message}`,
      { cause: error },
    );
  }
  const writes = new InFlightWrites();
  const stats: ConflictStats = { conflicts: 0, exhausted: 0, byCollection: {} };
  const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const botState = new BlobBotState(
    new BlobsStorage(options.connectionString, options.containerName, {
      storagePipelineOptions: pipeline,
    }),
    writes,
  );
  return {
    botState,
    records: new BlobRecords(container, ready, writes, policy, stats),
    purgeBotState: (expiry) => botState.purge(container, expiry),
    stats,
    close: () => writes.close(),
  };
}
