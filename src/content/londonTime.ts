// London wall-clock times (as editors write them) to instants and back, GMT and BST included.
const TIME_ZONE = 'Europe/London';

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

export interface LondonParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The last minute asked for: every turn asks about "now", and formatting is the costly part. */
let lastMinute = Number.NaN;
let lastParts: LondonParts | undefined;

/** The London wall-clock fields of an instant. */
export function londonParts(at: Date): LondonParts {
  const minute = Math.floor(at.getTime() / 60_000);
  if (minute === lastMinute && lastParts) return { ...lastParts };
  const fields: Record<string, number> = {};
  for (const p of partsFormat.formatToParts(at)) if (p.type !== 'literal') fields[p.type] = Number(p.value);
  const parts: LondonParts = {
    year: fields.year ?? Number.NaN,
    month: fields.month ?? Number.NaN,
    day: fields.day ?? Number.NaN,
    hour: fields.hour ?? Number.NaN,
    minute: fields.minute ?? Number.NaN,
  };
  lastMinute = minute;
  lastParts = parts;
  return { ...parts };
}

/** Offset of London from UTC at an instant, in minutes (0 in winter, 60 in summer). */
function offsetMinutes(at: Date): number {
  const p = londonParts(at);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  return Math.round((asUtc - Math.floor(at.getTime() / 60000) * 60000) / 60000);
}

export const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** "2027-01-14T10:00" in London to the instant it names; undefined when it is not a real time. */
export function londonToInstant(local: string): Date | undefined {
  const m = LOCAL_DATE_TIME.exec(local);
  if (!m) return undefined;
  const [year, month, day, hour, minute] = m.slice(1).map(Number);
  const naive = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(naive);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59)
    return undefined;
  // Two passes settle the offset either side of a clock change.
  let instant = naive - offsetMinutes(new Date(naive)) * 60000;
  instant = naive - offsetMinutes(new Date(instant)) * 60000;
  return new Date(instant);
}

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h12',
});

/** "Thursday 14 January 2027, 10:00am to 12:00pm" in London time. */
export function describeLondonSpan(start: Date, end: Date): string {
  const t = (d: Date) => timeFormat.format(d).replace(' ', '').toLowerCase();
  return `${dayFormat.format(start)}, ${t(start)} to ${t(end)}`;
}

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** "7 December 2026": the London date of an instant. */
export function describeLondonDate(at: Date): string {
  return dateFormat.format(at);
}
