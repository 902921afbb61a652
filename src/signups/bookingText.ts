// What a person's free text says about a booking: "book 2 places on the online one next month",
// "cancel HC-7KQ4M-2XD9P", "the one at the Guildhall". Used at every step of the journey.
import { londonParts } from '../content/londonTime.js';
import type { WorkshopAudience, WorkshopFormat, WorkshopSession } from '../content/workshops.js';
import { findReference } from './references.js';

export type BookingIntent = 'book' | 'lookup' | 'cancel' | 'move';

export interface BookingHints {
  intent?: BookingIntent;
  seats?: number;
  format?: WorkshopFormat;
  audience?: WorkshopAudience;
  /** London calendar month asked for, as year and month (1-12). */
  month?: { year: number; month: number };
  ref?: string;
}

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  single: 1,
  two: 2,
  couple: 2,
  pair: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  twenty: 20,
  hundred: 100,
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;

/** A count written as digits or words ("2", "two", "a couple of"); undefined if none. */
export function parseCount(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  const digits = /-?\d+/.exec(t);
  if (digits) return Number(digits[0]);
  for (const [word, n] of Object.entries(NUMBER_WORDS)) if (new RegExp(`\\b${word}\\b`).test(t)) return n;
  return undefined;
}

function seatsIn(t: string): number | undefined {
  const n = `(-?\\d+|${Object.keys(NUMBER_WORDS).join('|')})`;
  const m =
    new RegExp(
      `\\b${n}\\s+(?:of\\s+)?(?:places?|seats?|spaces?|tickets?|people|persons?|of us|colleagues|staff)\\b`,
    ).exec(t) ?? new RegExp(`\\bfor\\s+${n}\\b(?!\\s*(?:am|pm|:|th|st|nd|rd))`).exec(t);
  if (m) return parseCount(m[1]);
  if (
    /\b(me and|myself and|with)\s+(my|a)\s+(friend|partner|wife|husband|colleague|mum|dad|son|daughter|neighbour)\b/.test(
      t,
    )
  )
    return 2;
  return undefined;
}

function monthIn(t: string, now: Date): BookingHints['month'] {
  const here = londonParts(now);
  const shift = (by: number) => {
    const index = here.month - 1 + by;
    return { year: here.year + Math.floor(index / 12), month: (index % 12) + 1 };
  };
  if (/\bnext month\b/.test(t)) return shift(1);
  if (/\bthis month\b/.test(t)) return shift(0);
  const m = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b/.exec(t);
  if (!m || (m[1] === 'may' && !/\bin may\b|\bmay \d|\d+(st|nd|rd|th)? may\b/.test(t))) return undefined;
  const month = MONTHS.indexOf(m[1] as (typeof MONTHS)[number]) + 1;
  return { year: month < here.month ? here.year + 1 : here.year, month };
}

export function readBookingText(text: string, now: Date): BookingHints {
  const t = ` ${text.toLowerCase().replace(/[’']/g, "'")} `;
  const hints: BookingHints = {};
  // Managing a booking needs words about an existing booking, so "can I check the dates?" is not
  // taken as a request to look one up.
  const aBooking =
    /\b(booking|bookings|booked|reservation|reference|ref|my place|my places|my seat|hc[\s-]?[a-z2-9]{5})\b/;
  if (/\b(cancel|can't come|cannot come|can't make it|cannot make it|no longer (come|attend))\b/.test(t))
    hints.intent = 'cancel';
  else if (
    /\b(another|different|other) (date|session|day|time)\b/.test(t) ||
    (/\b(move|change|switch|swap|rebook)\b/.test(t) && aBooking.test(t))
  )
    hints.intent = 'move';
  else if (/\b(manage|look ?up|check|find|see|details of)\b/.test(t) && aBooking.test(t))
    hints.intent = 'lookup';
  else if (/\bmy (\w+ )?booking\b|\bwhat did i book\b/.test(t)) hints.intent = 'lookup';
  else if (/\b(book|reserve|sign (me )?up|register|place|seat|join|come to|attend)\b/.test(t))
    hints.intent = 'book';
  const seats = seatsIn(t);
  if (seats !== undefined) hints.seats = seats;
  if (/\b(online|virtual|teams|zoom|remote|from home)\b/.test(t)) hints.format = 'online';
  else if (/\b(in[ -]person|face[ -]to[ -]face|f2f|venue|guildhall|library)\b/.test(t))
    hints.format = 'in-person';
  if (/\b(partner|partners|professional|agency|agencies|staff|frontline|colleagues|practitioner)/.test(t))
    hints.audience = 'partners';
  else if (/\b(community|resident|residents|public)\b/.test(t)) hints.audience = 'community';
  const month = monthIn(t, now);
  if (month) hints.month = month;
  const ref = findReference(text);
  if (ref) hints.ref = ref;
  return hints;
}

/** Sessions that fit the hints; when a hint rules out every session it is ignored. */
export function filterSessions<T extends { session: WorkshopSession }>(items: T[], hints: BookingHints): T[] {
  let out = items;
  const narrow = (keep: (s: WorkshopSession) => boolean) => {
    const next = out.filter((i) => keep(i.session));
    if (next.length) out = next;
  };
  if (hints.format) narrow((s) => s.format === hints.format);
  if (hints.audience) narrow((s) => s.audience === hints.audience);
  if (hints.month) {
    const { year, month } = hints.month;
    narrow((s) => {
      const p = londonParts(s.start);
      return p.year === year && p.month === month;
    });
  }
  return out;
}

/**
 * Which of the offered sessions a reply picks: its number in the list ("2", "the second"), its id,
 * or words that fit only one (a month, "online", a venue, a day of the month).
 */
export function pickSession<T extends { session: WorkshopSession }>(
  text: string,
  offered: T[],
  now: Date,
): T | undefined {
  const t = text.trim().toLowerCase();
  const byId = offered.find((o) => o.session.id === t);
  if (byId) return byId;
  const ordinal = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'].findIndex(
    (w) => new RegExp(`\\b${w}\\b`).test(t),
  );
  const num = /^\s*(?:number\s*|no\.?\s*|option\s*)?(\d{1,2})\s*[.)]?\s*$/.exec(t);
  const index = num ? Number(num[1]) - 1 : ordinal;
  if (index >= 0 && index < offered.length) return offered[index];
  const hints = readBookingText(t, now);
  let signal = Boolean(hints.format || hints.audience || hints.month);
  let candidates = filterSessions(offered, hints);
  const venueHit = candidates.filter((o) =>
    o.session.venue.name
      .toLowerCase()
      .split(/\W+/)
      .some((w) => w.length > 4 && w !== 'online' && t.includes(w)),
  );
  if (venueHit.length) [candidates, signal] = [venueHit, true];
  const day = /\b(\d{1,2})(st|nd|rd|th)?\b/.exec(t);
  const byDay = day ? candidates.filter((o) => londonParts(o.session.start).day === Number(day[1])) : [];
  if (byDay.length) [candidates, signal] = [byDay, true];
  return signal && candidates.length === 1 ? candidates[0] : undefined;
}
