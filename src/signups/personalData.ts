// What the sign-ups hold about someone, found by reference and email, and erasing it on request
// (the privacy notice's "what do you hold about me" / "delete my data"). A workshop reference
// starts HC-, a volunteering reference VI-, a call-back request (src/handoff/callbacks.ts) CB-.
import type { Content } from '../content/content.js';
import { CallbackService } from '../handoff/callbacks.js';
import { describeLondonSpan } from '../content/londonTime.js';
import type { RecordStore } from '../store/store.js';
import { SESSIONS_COLLECTION, type SessionDocument } from './bookingRecords.js';
import { BookingService } from './bookingService.js';
import { sameEmail } from './contactDetails.js';
import { INTERESTS_COLLECTION, type InterestRecord, withdrawInterest } from './interestService.js';
import type { PromotionNotifier } from './promotionNotifier.js';

export interface HeldData {
  kind: 'workshop-booking' | 'volunteering-interest' | 'callback-request';
  ref: string;
  /** Label and value pairs, in plain words, ready to show to the person. */
  facts: [string, string][];
}

export async function findHeld(
  records: RecordStore,
  content: Content,
  ref: string,
  email: string,
  now: () => Date,
): Promise<HeldData | undefined> {
  if (ref.startsWith('CB-')) {
    const found = await new CallbackService(records, now, 0).find(ref, email);
    if (!found) return undefined;
    return {
      kind: 'callback-request',
      ref,
      facts: [
        ['Name', found.contact.name],
        ['Email', found.contact.email],
        ['Phone', found.contact.phone ?? 'none given'],
        ['Message', found.message],
        ['Asked on', found.createdAt.slice(0, 10)],
      ],
    };
  }
  if (ref.startsWith('HC-')) {
    const found = await new BookingService(records, content.workshops, now).find(ref, email);
    if (!found) return undefined;
    const doc = await records.get<SessionDocument>(SESSIONS_COLLECTION, found.session.id);
    const attendee = doc?.entries.find((e) => e.ref === ref && e.attendee)?.attendee;
    if (!attendee) return undefined;
    return {
      kind: 'workshop-booking',
      ref,
      facts: [
        ['Name', attendee.name],
        ['Email', attendee.email],
        ['Phone', attendee.phone ?? 'none given'],
        ['Session', `${found.session.title}, ${describeLondonSpan(found.session.start, found.session.end)}`],
        ['Places', String(found.seats)],
        ['Status', found.status === 'booked' ? 'booked' : `waiting list, number ${found.position}`],
      ],
    };
  }
  for (const id of await records.list(INTERESTS_COLLECTION)) {
    const r = await records.get<InterestRecord>(INTERESTS_COLLECTION, id);
    if (!r || r.ref !== ref || !sameEmail(r.contact.email, email)) continue;
    return {
      kind: 'volunteering-interest',
      ref,
      facts: [
        ['Name', r.contact.name],
        ['Email', r.contact.email],
        ['Phone', r.contact.phone ?? 'none given'],
        ['Ward', content.wards.get(r.wardId)?.name ?? r.wardId],
        ['Role', content.volunteering.get(r.roleId)?.name ?? r.roleId],
        ['Given on', r.createdAt.slice(0, 10)],
      ],
    };
  }
  return undefined;
}

/**
 * Erases what is held under a reference. A booking is cancelled (its places go to the waiting
 * list, whose people are told by `notifier`, and a waiting-list place is given up); an interest is
 * deleted. True when something was erased.
 */
export async function eraseHeld(
  records: RecordStore,
  content: Content,
  ref: string,
  email: string,
  now: () => Date,
  notifier?: PromotionNotifier,
): Promise<boolean> {
  if (ref.startsWith('CB-')) return new CallbackService(records, now, 0).erase(ref, email);
  if (!ref.startsWith('HC-')) return withdrawInterest(records, ref, email);
  const { erased, promoted } = await new BookingService(records, content.workshops, now).erase(ref, email);
  notifier?.notifyLater(promoted);
  return erased;
}
