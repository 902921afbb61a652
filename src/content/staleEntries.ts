// Finds content entries whose `reviewed` date is older than a number of months, anywhere in the
// loaded content (so every journey's files are covered without registering them here).

export interface StaleEntry {
  /** Where it sits in the loaded content, e.g. "services" or "bystander.scenarios". */
  part: string;
  /** The entry's id when it has one, else its position; empty for a whole file. */
  entry: string;
  reviewed: string;
}

const SKIP_KEYS = new Set(['all', 'file']);

/** The date `months` before `now`, as YYYY-MM-DD (UTC). */
export function monthsBefore(now: Date, months: number): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, now.getUTCDate()));
  return d.toISOString().slice(0, 10);
}

export function findStaleEntries(content: object, now: Date, months = 12): StaleEntry[] {
  const cutoff = monthsBefore(now, months);
  const seen = new WeakSet<object>();
  const stale: StaleEntry[] = [];

  const visit = (value: unknown, path: string[], position: string): void => {
    if (!value || typeof value !== 'object' || value instanceof Map || value instanceof Set) return;
    if (seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, path, `#${i + 1}`));
      return;
    }
    const record = value as Record<string, unknown>;
    if (typeof record.reviewed === 'string' && record.reviewed < cutoff) {
      const id = typeof record.id === 'string' ? `"${record.id}"` : position;
      stale.push({ part: path.join('.'), entry: id, reviewed: record.reviewed });
    }
    for (const [key, child] of Object.entries(record))
      visit(child, SKIP_KEYS.has(key) ? path : [...path, key], '');
  };

  visit(content, [], '');
  return stale;
}
