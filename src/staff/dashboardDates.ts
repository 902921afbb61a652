// How the dashboard writes times and weeks for staff: London time (as the chat says it), said so,
// and weeks as the date of their Monday rather than ISO week codes.
import { describeLondonDate } from '../content/londonTime.js';

const londonDateTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h12',
});

/** "9 December 2026 at 6:00pm" in London time, from an ISO instant. */
export function londonDateTime12(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return londonDateTime.format(at).replace(/\s?([ap]m)$/i, (_m, half: string) => half.toLowerCase());
}

/** "2026-W49" -> "week of 30 November 2026" (the Monday of that ISO week). */
export function weekLabel(isoWeek: string): string {
  const m = /^(\d{4})-W(\d{2})$/.exec(isoWeek);
  if (!m) return isoWeek;
  const year = Number(m[1]);
  const week = Number(m[2]);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const mondayOfWeek1 = jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86_400_000;
  const monday = new Date(mondayOfWeek1 + (week - 1) * 7 * 86_400_000 + 12 * 3_600_000);
  return `week of ${describeLondonDate(monday)}`;
}
