// The staff dashboard as one server-rendered page: no scripts, no CDN, charts as inline SVG, and a
// table for every chart so the figures are readable by screen readers and can be copied.
import type { DashboardData } from './dashboardData.js';
import { londonDateTime12, weekLabel } from './dashboardDates.js';
import { barChart, escapeHtml, table } from './html.js';
import { MASK } from '../privacy/maskFreeText.js';

export const STAFF_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const STYLE = `
body{font-family:Arial,Helvetica,sans-serif;margin:0;color:#0b0c0c;background:#fff;line-height:1.5}
header{background:#1d3a5f;color:#fff;padding:1rem 2rem}
header a{color:#fff}
main{padding:1rem 2rem;max-width:70rem}
h1{margin:0;font-size:1.75rem}
h2{margin-top:2rem;border-bottom:2px solid #1d3a5f}
table{border-collapse:collapse;margin:1rem 0;min-width:50%}
caption{text-align:left;font-weight:bold;padding:.25rem 0}
th,td{border:1px solid #b1b4b6;padding:.35rem .6rem;text-align:left}
td{text-align:right}
.chart .bar{fill:#1d70b8}.chart .label,.chart .value{font-size:13px;fill:#0b0c0c}
a:focus,button:focus{outline:3px solid #fd0;outline-offset:0;background:#fd0;color:#0b0c0c}
.note{color:#505a5f}
`;

/** Questions and comments are masked before they are kept (src/privacy/maskFreeText.ts). */
const MASKED_NOTE = `To keep out names and other personal details, only common English words and the helper's own words are kept: any other word shows as ${MASK}, and emails, phone numbers and postcodes as [email], [number] and [postcode].`;

export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><link rel="icon" href="data:,"><title>${escapeHtml(title)} – Safer Kingston staff</title><style>${STYLE}</style></head>
<body><header><h1>${escapeHtml(title)}</h1><p>Safer Kingston helper – staff area</p></header>
<main id="main">${body}</main></body></html>`;
}

export function renderDashboard(data: DashboardData): string {
  const weeks = data.weeks.map((w) => ({
    label: weekLabel(w.week).replace('week of ', ''),
    value: w.conversations,
  }));
  const channels = [...new Set(data.weeks.flatMap((w) => Object.keys(w.byChannel)))].sort();
  const body = `
<p class="note">Figures for the last ${data.weeks.length} weeks, made ${escapeHtml(londonDateTime12(data.generatedAt))} (London time).
No personal data is shown on this page.</p>

<h2>Conversations per week</h2>
${barChart(weeks)}
${table(
  'Conversations started per week, by channel',
  ['Week', 'All', ...channels],
  data.weeks.map((w) => [weekLabel(w.week), w.conversations, ...channels.map((c) => w.byChannel[c] ?? 0)]),
  'No conversations yet.',
)}

<h2>Journeys</h2>
${barChart(data.journeys.map((j) => ({ label: j.journey, value: j.started })))}
${table(
  'Journeys started and completed',
  ['Journey', 'Started', 'Completed'],
  data.journeys.map((j) => [j.journey, j.started, j.completed]),
  'No journeys yet.',
)}

<h2>Embedded links and widgets</h2>
${table(
  'By source code',
  ['Source code', 'Conversations', 'Journeys started'],
  data.sources.map((s) => [s.source, s.conversations, s.journeys]),
  'No conversations came from a source code yet.',
)}

<h2>Hate crime workshops</h2>
${table(
  'Sessions',
  ['Session', 'Starts (London time)', 'Places', 'Booked', 'Waiting list', 'Cancelled'],
  data.workshops.map((w) => [
    w.title,
    londonDateTime12(w.start),
    w.capacity,
    w.booked,
    w.waiting,
    w.cancelled,
  ]),
  'No sessions.',
)}
${data.workshops.length ? `<ul>${data.workshops.map((w) => `<li><a href="/staff/exports/attendees/${encodeURIComponent(w.id)}.csv">Download the attendee list for ${escapeHtml(w.title)}, ${escapeHtml(w.start.slice(0, 10))} (CSV)</a></li>`).join('')}</ul>` : ''}

<h2>Volunteering interest</h2>
${table(
  'Expressions of interest by ward and role',
  ['Ward', 'Role', 'People'],
  data.interests.map((i) => [i.ward, i.role, i.count]),
  'No interest recorded yet.',
)}
<p><a href="/staff/links">Make links, website chat buttons and QR codes for a journey</a></p>
<p><a href="/staff/exports/interests.csv">Download volunteering interest for coordinators (CSV)</a></p>

<h2>Questions the helper could not answer</h2>
<p class="note">Grouped by similar wording, most frequent first. Add content for the top ones.</p>
<p class="note">${MASKED_NOTE}</p>
${table(
  'Unanswered and unclear questions',
  ['Question (example wording)', 'Times asked', 'Wordings'],
  data.questions.map((q) => [q.text, q.count, q.wordings]),
  'None in this period.',
)}

<h2>Feedback</h2>
${table(
  'Did this help?',
  ['Journey', 'Yes', 'No'],
  data.feedback.map((f) => [f.journey, f.helpful, f.notHelpful]),
  'No feedback yet.',
)}
<h2>Talk to a person</h2>
${table(
  'Hand-offs to staff, by week and channel (containment: conversations that ended without a person)',
  [
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
  (data.handoff ?? [])
    .filter((h) => h.requested + h.callbacksRequested + h.callbacksClosed > 0)
    .map((h) => [
      h.week,
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
  'Nobody has asked for a person in this period.',
)}
<p><a href="/staff/exports/callbacks.csv">Download call-back requests (CSV)</a></p>
${data.comments.length ? `<h3>Latest comments</h3><p class="note">${MASKED_NOTE}</p><ul>${data.comments.map((c) => `<li><strong>${escapeHtml(c.journey)}:</strong> ${escapeHtml(c.text)}</li>`).join('')}</ul>` : ''}
`;
  return page('Insights dashboard', body);
}
