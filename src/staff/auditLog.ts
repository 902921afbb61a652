// Who looked at personal data, what and when: never the data itself. One document per day.
import type { RecordStore } from '../store/store.js';

export const AUDIT_COLLECTION = 'audit';

export interface AuditEntry {
  at: string;
  /** The staff member as they named themselves at sign-in, or "token" for API use. */
  who: string;
  /** What was accessed, e.g. "export:attendees:hc-2027-01". */
  what: string;
}

export class AuditLog {
  constructor(
    private readonly records: RecordStore,
    private readonly now: () => Date,
  ) {}

  async write(who: string, what: string): Promise<void> {
    const at = this.now();
    const day = at.toISOString().slice(0, 10);
    await this.records.update<AuditEntry[], void>(AUDIT_COLLECTION, day, (current) => ({
      value: [...(current ?? []), { at: at.toISOString(), who, what }],
      result: undefined,
    }));
  }

  async day(day: string): Promise<AuditEntry[]> {
    return (await this.records.get<AuditEntry[]>(AUDIT_COLLECTION, day)) ?? [];
  }
}
