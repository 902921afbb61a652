// The dashboard's tables as data: the page shows them and the figures download (CSV) lists the
// same cells, so the two never disagree. Counts and names only; nothing personal.
import { csv, type CsvValue } from './csv.js';
import type { DashboardData, JourneyFunnel } from './dashboardData.js';
import { londonDateTime12, weekLabel } from './dashboardDates.js';

export interface FigureTable {
  caption: string;
  headers: string[];
  rows: (string | number)[][];
  empty: string;
}

const percent = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 100)}%` : '-');

export function funnelTable(f: JourneyFunnel): FigureTable {
  return {
    caption: `${f.journey}: where people got to`,
    headers: ['Stage', 'Times reached', 'Share of starts'],
    rows: [
      ['Started', f.started, percent(f.started, f.started)],
      ...f.steps.map((s) => [`Asked: ${s.step}`, s.reached, percent(s.reached, f.started)]),
      ['Completed', f.completed, percent(f.completed, f.started)],
    ],
    empty: 'Not started in this period.',
  };
}

export function figureTables(data: DashboardData) {
  const channels = [...new Set(data.weeks.flatMap((w) => Object.keys(w.byChannel)))].sort();
  return {
    conversations: {
      caption: 'Conversations started per week, by channel',
      headers: ['Week', 'All', ...channels],
      rows: data.weeks.map((w) => [
        weekLabel(w.week),
        w.conversations,
        ...channels.map((c) => w.byChannel[c] ?? 0),
      ]),
      empty: 'No conversations yet.',
    },
    journeys: {
      caption: 'Journeys started and completed',
      headers: ['Journey', 'Started', 'Completed'],
      rows: data.journeys.map((j) => [j.journey, j.started, j.completed]),
      empty: 'No journeys yet.',
    },
    funnels: data.funnels.map(funnelTable),
    sources: {
      caption: 'By source code',
      headers: ['Source code', 'Conversations', 'Journeys started'],
      rows: data.sources.map((s) => [s.source, s.conversations, s.journeys]),
      empty: 'No conversations came from a source code yet.',
    },
    sessions: {
      caption: 'Sessions',
      headers: [
        'Session',
        'Starts (London time)',
        'Places',
        'Places booked',
        'Waiting list (bookings)',
        'Cancelled bookings',
      ],
      rows: data.workshops.map((w) => [
        w.title,
        londonDateTime12(w.start),
        w.capacity,
        w.booked,
        w.waiting,
        w.cancelled,
      ]),
      empty: 'No sessions.',
    },
    interests: {
      caption: 'Expressions of interest by ward and role',
      headers: ['Ward', 'Role', 'People'],
      rows: data.interests.map((i) => [i.ward, i.role, i.count]),
      empty: 'No interest recorded yet.',
    },
    questions: {
      caption: 'Unanswered and unclear questions',
      headers: ['Question (example wording)', 'Times asked', 'Wordings'],
      rows: data.questions.map((q) => [q.text, q.count, q.wordings]),
      empty: 'None in this period.',
    },
    feedback: {
      caption: 'Did this help?',
      headers: ['Journey', 'Yes', 'No'],
      rows: data.feedback.map((f) => [f.journey, f.helpful, f.notHelpful]),
      empty: 'No feedback yet.',
    },
    handoff: {
      caption:
        'Hand-offs to staff, by week and channel (containment: conversations that ended without a person)',
      headers: [
        'Week',
        'Channel',
        'Conversations',
        'Asked for a person',
        'Accepted',
        'Nobody free in time',
        'Went back to the bot',
        'Call-backs asked',
        'Call-backs closed',
        'Containment',
      ],
      rows: data.handoff
        .filter((h) => h.requested + h.callbacksRequested + h.callbacksClosed > 0)
        .map((h) => [
          weekLabel(h.week),
          h.channel,
          h.conversations,
          h.requested,
          h.accepted,
          h.timedOut,
          h.cancelled,
          h.callbacksRequested,
          h.callbacksClosed,
          h.containment === undefined ? '-' : `${Math.round(h.containment * 100)}%`,
        ]),
      empty: 'Nobody has asked for a person in this period.',
    },
  } satisfies Record<string, FigureTable | FigureTable[]>;
}

/** "Monday 21 September 2026 to Sunday 13 December 2026": the whole weeks the figures cover. */
export function rangeLabel(data: DashboardData, describe: (ymd: string) => string): string {
  return `${describe(data.range.firstDay)} to ${describe(data.range.lastDay)}`;
}

/**
 * Every figure on the page, one a line: which table, which row, which column, the value. A row is
 * named by its cells before the first number ("Alexandra – Street Watch"), so a spreadsheet can
 * filter and pivot the lines without knowing the page's layout.
 */
export function figuresCsv(data: DashboardData, covered: string): string {
  const rows: CsvValue[][] = [['Dates covered', covered, 'London time', data.range.weeks.length + ' weeks']];
  const tables = figureTables(data);
  const all: FigureTable[] = Object.values(tables).flat();
  for (const table of all)
    for (const row of table.rows) {
      const firstNumber = row.findIndex((cell) => typeof cell === 'number');
      const named = Math.max(1, firstNumber === -1 ? row.length : firstNumber);
      const name = row.slice(0, named).join(' – ');
      for (let i = named; i < row.length; i++) rows.push([table.caption, name, table.headers[i], row[i]]);
    }
  return csv(['Table', 'Row', 'Column', 'Value'], rows);
}
