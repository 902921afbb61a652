// Call-back requests: when nobody can chat, a resident may leave a first name, an email address
// (and a phone number if they like) and a short message for the team to contact them. Kept with the
// same care as a booking: written atomically before the resident is told, deleted RETENTION_DAYS
// after it was made (src/signups/retention.ts), found and erased by reference and email through
// "delete my data", and exported to staff as CSV with an audit-log entry.
import { z } from 'zod';
import { sameEmail } from '../signups/contactDetails.js';
import { newReference } from '../signups/references.js';
import type { RecordStore } from '../store/store.js';

export const CALLBACKS_COLLECTION = 'handoff-callbacks';
export const CALLBACK_MESSAGE_MAX = 500;

export const callbackRecordSchema = z
  .object({
    ref: z.string().regex(/^CB-[A-Z2-9]{5}-[A-Z2-9]{5}$/),
    contact: z
      .object({
        name: z.string().min(1).max(80),
        email: z.string().min(3).max(254),
        phone: z.string().max(20).optional(),
      })
      .strict(),
    message: z.string().max(CALLBACK_MESSAGE_MAX),
    channel: z.string().max(64),
    journey: z.string().max(40).optional(),
    consentAt: z.string().datetime(),
    createdAt: z.string().datetime(),
    deleteAfter: z.string().datetime(),
    closedAt: z.string().datetime().optional(),
  })
  .strict();
export type CallbackRecord = z.infer<typeof callbackRecordSchema>;

export interface CallbackRequest {
  contact: CallbackRecord['contact'];
  message: string;
  channel: string;
  journey?: string;
}

const idOf = (ref: string) => ref.toLowerCase();

export class CallbackService {
  constructor(
    private readonly records: RecordStore,
    private readonly now: () => Date,
    private readonly retentionDays: number,
  ) {}

  /** Writes the request and resolves with it once it is stored. */
  async record(request: CallbackRequest): Promise<CallbackRecord> {
    const now = this.now();
    const record = callbackRecordSchema.parse({
      ref: newReference('CB'),
      contact: request.contact,
      message: request.message.slice(0, CALLBACK_MESSAGE_MAX),
      channel: request.channel,
      ...(request.journey ? { journey: request.journey } : {}),
      consentAt: now.toISOString(),
      createdAt: now.toISOString(),
      deleteAfter: new Date(now.getTime() + this.retentionDays * 86_400_000).toISOString(),
    });
    // A reference is random: a clash with an existing one is not overwritten but refused.
    return this.records.update<unknown, CallbackRecord>(CALLBACKS_COLLECTION, idOf(record.ref), (current) => {
      if (current !== undefined) throw new Error('call-back reference clash');
      return { value: record, result: record };
    });
  }

  async get(ref: string): Promise<CallbackRecord | undefined> {
    if (!/^CB-[A-Z2-9]{5}-[A-Z2-9]{5}$/.test(ref)) return undefined;
    const parsed = callbackRecordSchema.safeParse(await this.records.get(CALLBACKS_COLLECTION, idOf(ref)));
    return parsed.success ? parsed.data : undefined;
  }

  async find(ref: string, email: string): Promise<CallbackRecord | undefined> {
    const record = await this.get(ref);
    return record && sameEmail(record.contact.email, email) ? record : undefined;
  }

  /** Deletes the request given its reference and email; true when something was deleted. */
  async erase(ref: string, email: string): Promise<boolean> {
    if (!(await this.find(ref, email))) return false;
    return this.records.update<CallbackRecord, boolean>(CALLBACKS_COLLECTION, idOf(ref), (current) =>
      current && sameEmail(current.contact.email, email)
        ? { value: undefined, result: true }
        : { value: current, result: false },
    );
  }

  /** Staff marked it done; false when there is no such open request. */
  async close(ref: string): Promise<CallbackRecord | undefined> {
    if (!(await this.get(ref))) return undefined;
    return this.records.update<CallbackRecord, CallbackRecord | undefined>(
      CALLBACKS_COLLECTION,
      idOf(ref),
      (current) =>
        current && !current.closedAt
          ? {
              value: { ...current, closedAt: this.now().toISOString() },
              result: { ...current, closedAt: this.now().toISOString() },
            }
          : { value: current, result: undefined },
    );
  }

  async all(): Promise<CallbackRecord[]> {
    const out: CallbackRecord[] = [];
    for (const id of await this.records.list(CALLBACKS_COLLECTION)) {
      const parsed = callbackRecordSchema.safeParse(await this.records.get(CALLBACKS_COLLECTION, id));
      if (parsed.success) out.push(parsed.data);
    }
    return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** Deletes requests past their deleteAfter date; returns how many. */
  async purgeExpired(): Promise<number> {
    const now = this.now().getTime();
    let deleted = 0;
    for (const record of await this.all()) {
      if (Date.parse(record.deleteAfter) >= now) continue;
      await this.records.delete(CALLBACKS_COLLECTION, idOf(record.ref));
      deleted += 1;
    }
    return deleted;
  }
}
