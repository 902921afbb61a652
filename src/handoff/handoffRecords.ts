// The records a hand-off needs, kept in the Store so every instance sees the same desk and the same
// requests (Blob across instances, lowdb on one machine) and they survive a restart.
// - the desk: the Teams channel registered by staff (a cut-down address, no names);
// - a request: its state, the resident's chat address and what staff were shown; no messages;
// - a thread index: from the card's Teams thread to its request;
// - staff profiles: the first name and team a staff member chose to show residents.
// Everything is read back through its schema: a stored value is only trusted once it parses.
import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { chatAddressSchema } from '../signups/chatAddress.js';
import type { RecordStore } from '../store/store.js';

export const HANDOFF_COLLECTION = 'handoff';
export const REQUESTS_COLLECTION = 'handoff-requests';
const THREADS_COLLECTION = 'handoff-threads';
const STAFF_COLLECTION = 'handoff-staff';
const DESK_ID = 'desk';

const id = (max: number) => z.string().min(1).max(max);

export const deskAddressSchema = z
  .object({
    channelId: z.literal('msteams'),
    serviceUrl: chatAddressSchema.shape.serviceUrl,
    /** The Teams channel's conversation id (new posts go here; a thread adds ;messageid=). */
    conversationId: id(512),
    botId: id(256),
    teamId: id(256),
    tenantId: id(128).optional(),
  })
  .strict();
export type DeskAddress = z.infer<typeof deskAddressSchema>;

export const staffProfileSchema = z
  .object({ name: z.string().trim().min(1).max(40), team: z.string().trim().min(1).max(60) })
  .strict();
export type StaffProfile = z.infer<typeof staffProfileSchema>;

export const REQUEST_STATES = ['waiting', 'accepted', 'ended', 'cancelled', 'timed_out'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export const handoffRequestSchema = z
  .object({
    id: z.string().regex(/^[a-f0-9]{24}$/),
    state: z.enum(REQUEST_STATES),
    createdAt: z.string().datetime(),
    acceptedAt: z.string().datetime().optional(),
    endedAt: z.string().datetime().optional(),
    /** Erased as soon as the request is over. */
    resident: chatAddressSchema.optional(),
    channel: id(64),
    source: id(32).optional(),
    journey: id(40).optional(),
    question: z.string().max(400).optional(),
    /** The card on the desk: its activity id and the conversation id of its thread. */
    card: z
      .object({ activityId: id(256), threadId: id(800) })
      .strict()
      .optional(),
    staff: staffProfileSchema.optional(),
    /** Who accepted (their Teams id, hashed): only they speak to the resident as that name. */
    staffKey: z
      .string()
      .regex(/^[a-f0-9]{40}$/)
      .optional(),
  })
  .strict();
export type HandoffRequest = z.infer<typeof handoffRequestSchema>;

/** Record ids must be file- and blob-safe: external ids are hashed. */
export function hashedId(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 40);
}

export function newRequestId(): string {
  return randomBytes(12).toString('hex');
}

function parsed<T>(schema: z.ZodType<T>, value: unknown): T | undefined {
  const result = schema.safeParse(value);
  return result.success ? result.data : undefined;
}

export class HandoffRecords {
  constructor(private readonly records: RecordStore) {}

  async desk(): Promise<DeskAddress | undefined> {
    return parsed(deskAddressSchema, await this.records.get(HANDOFF_COLLECTION, DESK_ID));
  }

  async setDesk(desk: DeskAddress): Promise<void> {
    await this.records.update<DeskAddress, void>(HANDOFF_COLLECTION, DESK_ID, () => ({
      value: desk,
      result: undefined,
    }));
  }

  async staff(staffKey: string): Promise<StaffProfile | undefined> {
    return parsed(staffProfileSchema, await this.records.get(STAFF_COLLECTION, hashedId(staffKey)));
  }

  async setStaff(staffKey: string, profile: StaffProfile): Promise<void> {
    await this.records.update<StaffProfile, void>(STAFF_COLLECTION, hashedId(staffKey), () => ({
      value: profile,
      result: undefined,
    }));
  }

  async request(requestId: string): Promise<HandoffRequest | undefined> {
    if (!/^[a-f0-9]{24}$/.test(requestId)) return undefined;
    return parsed(handoffRequestSchema, await this.records.get(REQUESTS_COLLECTION, requestId));
  }

  async create(request: HandoffRequest): Promise<void> {
    await this.records.update<HandoffRequest, void>(REQUESTS_COLLECTION, request.id, () => ({
      value: request,
      result: undefined,
    }));
  }

  /**
   * Applies `change` to the request atomically. `change` returns the new request, or undefined to
   * leave it as it is (e.g. it was already accepted by someone else); the result says which.
   */
  async change(
    requestId: string,
    change: (current: HandoffRequest) => HandoffRequest | undefined,
  ): Promise<{ before: HandoffRequest; after: HandoffRequest } | undefined> {
    if (!/^[a-f0-9]{24}$/.test(requestId)) return undefined;
    return this.records.update<unknown, { before: HandoffRequest; after: HandoffRequest } | undefined>(
      REQUESTS_COLLECTION,
      requestId,
      (current) => {
        const before = parsed(handoffRequestSchema, current);
        const after = before ? change(before) : undefined;
        if (!before || !after) return { value: current, result: undefined };
        return { value: after, result: { before, after } };
      },
    );
  }

  async linkThread(threadId: string, requestId: string): Promise<void> {
    await this.records.update<{ requestId: string }, void>(THREADS_COLLECTION, hashedId(threadId), () => ({
      value: { requestId },
      result: undefined,
    }));
  }

  async requestForThread(threadId: string): Promise<HandoffRequest | undefined> {
    const link = await this.records.get<{ requestId?: unknown }>(THREADS_COLLECTION, hashedId(threadId));
    return typeof link?.requestId === 'string' ? this.request(link.requestId) : undefined;
  }

  async unlinkThread(threadId: string): Promise<void> {
    await this.records.delete(THREADS_COLLECTION, hashedId(threadId));
  }

  async waitingIds(): Promise<string[]> {
    return this.records.list(REQUESTS_COLLECTION);
  }

  async delete(requestId: string): Promise<void> {
    await this.records.delete(REQUESTS_COLLECTION, requestId);
  }
}
