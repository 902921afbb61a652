// Optimistic concurrency on Azure Blob ETags: read, decide, write only if nobody wrote in between,
// and try again after a short random pause when somebody did. The pause grows with each attempt
// ("full jitter") so that instances that collided once do not collide again in lockstep.

export interface RetryPolicy {
  /** How many times one update may read and try to write before giving up. */
  maxAttempts: number;
  /** The first pause is up to this long; each later one up to twice the one before. */
  baseDelayMs: number;
  /** No pause is longer than this. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 40, baseDelayMs: 5, maxDelayMs: 250 };

/** Counts of what the optimistic writes met, for benchmarks and diagnostics. */
export interface ConflictStats {
  /** Writes refused because the blob changed since it was read (HTTP 412 or 409). */
  conflicts: number;
  /** Updates that gave up after `maxAttempts` conflicts. */
  exhausted: number;
  /** Conflicts per record collection: which documents are contended. */
  byCollection: Record<string, number>;
}

/** Thrown when an update met a conflict on every attempt. The change was not written. */
export class ConcurrencyError extends Error {
  constructor(
    readonly collection: string,
    readonly id: string,
    readonly attempts: number,
  ) {
    super(
      `Could not update record ${collection}/${id}: it was changed by another instance on each of ` +
        `${attempts} attempts, so the change was not saved. Try again; if this keeps happening, ` +
        `fewer instances should write to this record at once.`,
    );
    this.name = 'ConcurrencyError';
  }
}

/** A refused conditional write: the blob was changed (412), created (409) or removed (404) meanwhile. */
export function isConflict(error: unknown): boolean {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return status === 412 || status === 409;
}

export function isNotFound(error: unknown): boolean {
  return (error as { statusCode?: unknown } | null)?.statusCode === 404;
}

/** The pause before attempt `attempt + 1` (attempt counts from 1). */
export function backoffMs(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(attempt - 1, 20));
  return Math.floor(random() * ceiling);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
