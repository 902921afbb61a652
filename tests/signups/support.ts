// Shared helpers for the signups tests: a small catalogue whose capacities the tests control,
// and a lowdb store in a fresh temporary directory.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { WorkshopCatalogue, workshopSessionSchema } from '../../src/content/workshops.js';
import { createLowdbStore } from '../../src/store/lowdbStore.js';
import type { Store } from '../../src/store/store.js';

export const NOW = new Date('2026-11-21T10:00:00Z');

export function session(id: string, overrides: Record<string, unknown> = {}) {
  return workshopSessionSchema.parse({
    id,
    title: `Test session ${id}`,
    audience: 'community',
    format: 'in-person',
    venue: { name: 'Kingston Guildhall' },
    start: '2027-01-14T10:00',
    end: '2027-01-14T12:00',
    capacity: 20,
    maxSeatsPerBooking: 4,
    covers: ['What a hate crime is'],
    source: 'test fixture',
    reviewed: '2026-11-21',
    ...overrides,
  });
}

export function testCatalogue(): WorkshopCatalogue {
  return new WorkshopCatalogue([
    session('small', { capacity: 3, maxSeatsPerBooking: 3, waitingList: 10 }),
    session('twenty', { capacity: 20, maxSeatsPerBooking: 1, waitingList: 200 }),
    session('big', { capacity: 50, format: 'online', start: '2027-02-10T18:00', end: '2027-02-10T19:00' }),
    session('partners', {
      audience: 'partners',
      format: 'online',
      capacity: 30,
      maxSeatsPerBooking: 6,
      start: '2027-03-03T10:00',
      end: '2027-03-03T12:00',
    }),
    session('past', { start: '2026-11-01T10:00', end: '2026-11-01T12:00' }),
  ]);
}

export interface TempStore {
  dir: string;
  store: Store;
  dispose(): Promise<void>;
}

export async function tempStore(): Promise<TempStore> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'signups-test-'));
  const store = await createLowdbStore(dir);
  return {
    dir,
    store,
    async dispose() {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export function attendee(n: number | string) {
  return { name: `Person ${n}`, email: `person${n}@example.org` };
}

/** A one-step volunteering form as a card sends it (Safer Neighbourhood Board, Tolworth). */
export function interestForm(submissionKey: string, overrides: Record<string, unknown> = {}) {
  return {
    journey: 'volunteer',
    action: 'volunteer.interest',
    roleId: 'safer-neighbourhood-board',
    wardId: 'tolworth',
    consent: true,
    name: 'Sam Patel',
    email: 'sam@example.org',
    submissionKey,
    ...overrides,
  };
}
