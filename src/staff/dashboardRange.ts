// The dates the dashboard's figures cover. Staff choose "from" and "to" (London dates); the insights
// are kept by week, so the range covers the whole weeks (Monday to Sunday) those dates fall in.
// Anything wrong with what was typed gets a message naming the field, the typed values are kept
// for the form, and the figures for the last weeks are shown meanwhile.
import { londonParts } from '../content/londonTime.js';
import { isoWeek } from '../insights/isoWeek.js';

export const DEFAULT_WEEKS = 12;
/** At most two years: each week is a few small reads. */
export const MAX_WEEKS = 105;

const DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** As people type dates here: 30/11/2026 (also with dashes or dots). */
const UK_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

export interface DashboardRange {
  /** The first and last London dates asked for, as YYYY-MM-DD. */
  from: string;
  to: string;
  /** The ISO weeks covering them, oldest first. */
  weeks: string[];
  /** The Monday of the first week and the Sunday of the last, as YYYY-MM-DD. */
  firstDay: string;
  lastDay: string;
}

export interface RangeProblem {
  field: 'from' | 'to';
  message: string;
}

export interface RangeRequest {
  range: DashboardRange;
  /** What was typed, to show in the form again (also when it was wrong). */
  typed: { from: string; to: string };
  problems: RangeProblem[];
}

/** Noon UTC on a date: always that date in London, and safe for adding whole days. */
function noon(date: string): number | undefined {
  const iso = ISO_DATE.exec(date);
  const uk = UK_DATE.exec(date);
  if (!iso && !uk) return undefined;
  const [y, mo, d] = iso ? iso.slice(1).map(Number) : [uk![3], uk![2], uk![1]].map(Number);
  const at = Date.UTC(y, mo - 1, d, 12);
  const check = new Date(at);
  return check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === d
    ? at
    : undefined;
}

const ymd = (at: number) => new Date(at).toISOString().slice(0, 10);

export function londonToday(now: Date): string {
  const p = londonParts(now);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The range between two valid dates (from <= to). */
export function rangeBetween(from: string, to: string): DashboardRange {
  const start = noon(from)!;
  const end = noon(to)!;
  const monday = start - ((new Date(start).getUTCDay() + 6) % 7) * DAY;
  const sunday = end + ((7 - new Date(end).getUTCDay()) % 7) * DAY;
  const weeks: string[] = [];
  for (let at = monday; at <= sunday; at += 7 * DAY) weeks.push(isoWeek(new Date(at)));
  return { from, to, weeks, firstDay: ymd(monday), lastDay: ymd(sunday) };
}

/** The last `DEFAULT_WEEKS` weeks, this one included. */
export function defaultRange(now: Date): DashboardRange {
  const today = londonToday(now);
  const from = ymd(noon(today)! - (DEFAULT_WEEKS - 1) * 7 * DAY);
  return rangeBetween(from, today);
}

/** Reads ?from=YYYY-MM-DD&to=YYYY-MM-DD; either may be left out. */
export function readRange(query: { from?: unknown; to?: unknown }, now: Date): RangeRequest {
  const typed = {
    from: typeof query.from === 'string' ? query.from.trim().slice(0, 20) : '',
    to: typeof query.to === 'string' ? query.to.trim().slice(0, 20) : '',
  };
  const fallback = defaultRange(now);
  if (!typed.from && !typed.to) return { range: fallback, typed, problems: [] };
  const problems: RangeProblem[] = [];
  const start = typed.from ? noon(typed.from) : undefined;
  const end = typed.to ? noon(typed.to) : undefined;
  if (typed.from && start === undefined)
    problems.push({ field: 'from', message: 'Enter "From" as a real date, for example 30/11/2026.' });
  if (typed.to && end === undefined)
    problems.push({ field: 'to', message: 'Enter "To" as a real date, for example 13/12/2026.' });
  if (problems.length) return { range: fallback, typed, problems };

  const today = noon(londonToday(now))!;
  const to = end ?? today;
  const from = start ?? to - (DEFAULT_WEEKS - 1) * 7 * DAY;
  if (from > today) problems.push({ field: 'from', message: '"From" must be today or earlier.' });
  else if (from > to) problems.push({ field: 'from', message: '"From" must be the same as or before "To".' });
  else if (Math.round((to - from) / (7 * DAY)) >= MAX_WEEKS)
    problems.push({ field: 'from', message: 'Choose dates no more than 2 years apart.' });
  if (problems.length) return { range: fallback, typed, problems };
  return { range: rangeBetween(ymd(from), ymd(Math.min(to, today))), typed, problems };
}
