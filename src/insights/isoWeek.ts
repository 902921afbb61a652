// ISO 8601 week labels ("2026-W47"): the unit the insights are counted in. Weeks are London weeks,
// Monday to Sunday as the clock in Kingston says (as the dashboard's dates are).
import { londonParts } from '../content/londonTime.js';

export function isoWeek(date: Date): string {
  const p = londonParts(date);
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day));
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day); // the Thursday of this week decides its year
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The labels of the `count` weeks up to and including the week of `date`, oldest first. */
export function recentWeeks(date: Date, count: number): string[] {
  const weeks: string[] = [];
  for (let i = count - 1; i >= 0; i--) weeks.push(isoWeek(new Date(date.getTime() - i * 7 * 86_400_000)));
  return weeks;
}
