// One storage interface for bot state and for records (bookings, waiting lists, interests, events).
// The embedded default is lowdb files in DATA_DIR; other implementations (Azure Blob) keep the same
// contract, so journeys never know where their data lives.
import type { Storage } from 'botbuilder';

/** What a change to one document decides: the new value (undefined deletes it) and what to return. */
export interface DocumentChange<T, R> {
  value: T | undefined;
  result: R;
}

export interface RecordStore {
  /** One document, or undefined when there is none. */
  get<T>(collection: string, id: string): Promise<T | undefined>;
  /**
   * Replaces one document atomically with what `change` decides from its current value.
   * Changes to the same document are serialised, and across processes retried on conflict, so
   * `change` may run more than once: it must be a pure function of `current`.
   * Resolves only once the new value has been written.
   */
  update<T, R>(
    collection: string,
    id: string,
    change: (current: T | undefined) => DocumentChange<T, R>,
  ): Promise<R>;
  /** The ids of every document in a collection, in no particular order. */
  list(collection: string): Promise<string[]>;
  delete(collection: string, id: string): Promise<void>;
}

/** Which bot state items to delete: `lastWritten` is when the item was last saved. */
export interface StateExpiry {
  /** Items written at or after this moment are kept without looking further (a fast path). */
  keepIfWrittenSince: Date;
  /** Decides for older items, by their key (e.g. "directline/conversations/abc/") and age. */
  expired(key: string, lastWritten: Date): boolean;
}

export interface Store {
  /** Conversation and user state, in the Bot Framework's own storage interface. */
  readonly botState: Storage;
  readonly records: RecordStore;
  /**
   * Deletes the bot state items `expiry` says have expired and returns how many. An item written
   * again while this runs is kept.
   */
  purgeBotState(expiry: StateExpiry): Promise<number>;
  /** Refuses new writes and resolves once every write already started has finished. */
  close(): Promise<void>;
}

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$/;

/** Collection and document names become file or blob names: refuse anything that could escape. */
export function assertSafeName(kind: 'collection' | 'id', name: string): void {
  if (!SAFE_NAME.test(name) || name.includes('..')) {
    throw new Error(`Invalid record ${kind}: only letters, digits, '.', '_' and '-' are allowed`);
  }
}

export class StoreClosedError extends Error {
  constructor() {
    super('The store is shutting down and accepts no new writes');
  }
}
