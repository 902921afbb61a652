// Expressions of interest in volunteering, for the partnership's volunteering coordinator.
// One document per submission, whose id is derived from the submission key: a repeated
// submission (double tap, retried request) lands on the same document and is not written twice.
import { z } from 'zod';
import type { VolunteerRoles } from '../content/volunteering.js';
import type { WardList } from '../content/wards.js';
import type { RecordStore } from '../store/store.js';
import { hashKey, newReference } from './references.js';

export const INTERESTS_COLLECTION = 'volunteer-interests';
/**
 * The ward of someone who does not know their ward: they choose from the roles open to all of
 * Kingston, and the coordinator asks them where they live.
 */
export const WARD_NOT_KNOWN = 'ward-not-known';
/** Used when no retention period is configured; the same default as the RETENTION_DAYS setting. */
export const DEFAULT_INTEREST_RETENTION_DAYS = 90;

export const interestRecordSchema = z
  .object({
    ref: z.string().regex(/^VI-[A-Z2-9]{5}-[A-Z2-9]{5}$/),
    roleId: z.string(),
    wardId: z.string(),
    contact: z
      .object({ name: z.string().min(1), email: z.string().min(3), phone: z.string().optional() })
      .strict(),
    consentAt: z.string(),
    createdAt: z.string(),
    deleteAfter: z.string(),
  })
  .strict();

export type InterestRecord = z.infer<typeof interestRecordSchema>;

export interface InterestRequest {
  roleId: string;
  wardId: string;
  contact: InterestRecord['contact'];
  consent: true;
  submissionKey: string;
}

export type InterestOutcome =
  | { outcome: 'recorded'; ref: string; repeated: boolean }
  | { outcome: 'unknown-role' }
  | { outcome: 'unknown-ward' };

export class InterestService {
  constructor(
    private readonly records: RecordStore,
    private readonly roles: VolunteerRoles,
    private readonly wards: WardList,
    private readonly now: () => Date,
    /** Days after an interest is recorded before it is deleted. */
    private readonly retentionDays: number = DEFAULT_INTEREST_RETENTION_DAYS,
  ) {}

  async record(request: InterestRequest): Promise<InterestOutcome> {
    if (!this.roles.get(request.roleId)) return { outcome: 'unknown-role' };
    if (request.wardId !== WARD_NOT_KNOWN && !this.wards.get(request.wardId))
      return { outcome: 'unknown-ward' };
    // The key with the details sent: the same key with another person's details is a new record.
    const { name, email, phone } = request.contact;
    const scope = JSON.stringify([
      request.submissionKey,
      request.roleId,
      request.wardId,
      name,
      email.toLowerCase(),
      phone ?? '',
    ]);
    const id = `i-${hashKey(`interest:${scope}`).replace(/[^A-Za-z0-9]/g, '')}`;
    const ref = newReference('VI');
    const now = this.now();
    const record: InterestRecord = {
      ref,
      roleId: request.roleId,
      wardId: request.wardId,
      contact: request.contact,
      consentAt: now.toISOString(),
      createdAt: now.toISOString(),
      deleteAfter: new Date(now.getTime() + this.retentionDays * 86400000).toISOString(),
    };
    return this.records.update<InterestRecord, InterestOutcome>(INTERESTS_COLLECTION, id, (current) =>
      current
        ? { value: current, result: { outcome: 'recorded', ref: current.ref, repeated: true } }
        : { value: record, result: { outcome: 'recorded', ref, repeated: false } },
    );
  }

  /** Deletes interests past their deleteAfter date; returns how many. */
  async purgeExpired(): Promise<number> {
    const now = this.now().getTime();
    let deleted = 0;
    for (const id of await this.records.list(INTERESTS_COLLECTION)) {
      const record = await this.records.get<InterestRecord>(INTERESTS_COLLECTION, id);
      if (record && Date.parse(record.deleteAfter) < now) {
        await this.records.delete(INTERESTS_COLLECTION, id);
        deleted++;
      }
    }
    return deleted;
  }
}

/** Finds and deletes an interest by its reference and the email it was given with. */
export async function withdrawInterest(records: RecordStore, ref: string, email: string): Promise<boolean> {
  const matches = (r: InterestRecord | undefined) =>
    r !== undefined && r.ref === ref && r.contact.email.toLowerCase() === email.trim().toLowerCase();
  for (const id of await records.list(INTERESTS_COLLECTION)) {
    if (!matches(await records.get<InterestRecord>(INTERESTS_COLLECTION, id))) continue;
    return records.update<InterestRecord, boolean>(INTERESTS_COLLECTION, id, (current) =>
      matches(current) ? { value: undefined, result: true } : { value: current, result: false },
    );
  }
  return false;
}
