// The staff dashboard as one server-rendered page: no scripts, no CDN, charts as inline SVG, and a
// table for every chart so the figures are readable by screen readers and can be copied.
import { describeLondonDate } from '../content/londonTime.js';
import type { DashboardData } from './dashboardData.js';
import { londonDateTime12, weekLabel } from './dashboardDates.js';
import { figureTables, rangeLabel, type FigureTable } from './dashboardFigures.js';
import { DEFAULT_WEEKS, type RangeProblem } from './dashboardRange.js';
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
.range fieldset{border:0;padding:0;margin:1rem 0;display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-end}
.range legend{font-weight:bold;margin-bottom:.5rem}
.range .note{margin:0}
.range input{font:inherit;padding:.25rem;border:2px solid #0b0c0c}
.range input:focus{outline:3px solid #fd0;outline-offset:0;box-shadow:inset 0 0 0 2px}
button{font:inherit;padding:.4rem .8rem}
.field--error{border-left:5px solid #d4351c;padding-left:.75rem}
.field--error input{border-color:#d4351c}
.error{color:#d4351c;font-weight:bold;margin:0}
.error-summary{border:5px solid #d4351c;padding:1rem;margin:1rem 0}
.error-summary a{color:#d4351c;font-weight:bold}
.visually-hidden{position:absolute!important;width:1px;height:1px;margin:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
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

/** What the date form shows: the dates as typed (kept when wrong) and what was wrong with them. */
export interface RangeForm {
  typed: { from: string; to: string };
  problems: RangeProblem[];
}

/** "2026-11-30" -> "30/11/2026", as people type dates in the form. */
const typedDate = (ymd: string) => ymd.split('-').reverse().join('/');

/** "2026-11-30" -> "Monday 30 November 2026". */
export function describeDay(ymd: string): string {
  const at = new Date(`${ymd}T12:00:00Z`);
  return `${at.toLocaleDateString('en-GB', { weekday: 'long', timeZone: 'UTC' })} ${describeLondonDate(at)}`;
}

function dateField(field: 'from' | 'to', label: string, value: string, problem?: RangeProblem): string {
  const described = [`${field}-hint`, ...(problem ? [`${field}-error`] : [])].join(' ');
  return `<div class="field${problem ? ' field--error' : ''}"><label for="${field}">${label}</label>
<p class="note" id="${field}-hint">For example, 30/11/2026</p>
${problem ? `<p class="error" id="${field}-error"><span class="visually-hidden">Error:</span> ${escapeHtml(problem.message)}</p>` : ''}
<input id="${field}" name="${field}" type="text" inputmode="numeric" autocomplete="off" spellcheck="false" size="12" value="${escapeHtml(value)}" aria-describedby="${described}"${problem ? ' aria-invalid="true"' : ''}></div>`;
}

function rangeForm(data: DashboardData, form: RangeForm): string {
  const problems = form.problems;
  const problem = (field: 'from' | 'to') => problems.find((p) => p.field === field);
  // The dates as typed when there was a problem (nothing is lost); else the dates shown.
  const shown = problems.length
    ? form.typed
    : { from: typedDate(data.range.from), to: typedDate(data.range.to) };
  const summary = problems.length
    ? `<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
<h2 id="error-summary-title">There is a problem with the dates</h2>
<ul>${problems.map((p) => `<li><a href="#${p.field}">${escapeHtml(p.message)}</a></li>`).join('')}</ul>
<p>The figures below are for the last ${DEFAULT_WEEKS} weeks until the dates are put right.</p></div>`
    : '';
  return `${summary}<form method="get" action="/staff" class="range"><fieldset><legend>Dates to show (London time)</legend>
${dateField('from', 'From', shown.from, problem('from'))}
${dateField('to', 'To', shown.to, problem('to'))}
<button type="submit">Show figures</button></fieldset></form>`;
}

export function renderDashboard(
  data: DashboardData,
  form: RangeForm = { typed: { from: '', to: '' }, problems: [] },
): string {
  const tables = figureTables(data);
  const covered = rangeLabel(data, describeDay);
  const query = `from=${data.range.from}&amp;to=${data.range.to}`;
  const weeks = data.weeks.map((w) => ({
    label: weekLabel(w.week).replace('week of ', ''),
    value: w.conversations,
  }));
  const show = (t: FigureTable) => table(t.caption, t.headers, t.rows, t.empty);
  const body = `
${rangeForm(data, form)}
<p class="note">Figures for ${escapeHtml(covered)}: the insights are kept by whole weeks, Monday to Sunday, London time.
Made ${escapeHtml(londonDateTime12(data.generatedAt))} (London time). No personal data is shown on this page.</p>
<p><a href="/staff/exports/figures.csv?${query}">Download these figures (CSV)</a></p>

<h2>Conversations per week</h2>
${barChart(weeks)}
${show(tables.conversations)}

<h2>Journeys</h2>
${barChart(data.journeys.map((j) => ({ label: j.journey, value: j.started })))}
${show(tables.journeys)}

<h2>Where people give up</h2>
<p class="note">For each journey: how many times it was started, how many times each of its questions was reached (counted once each time the journey was run), and how many times it was completed. A big drop after a question shows where people stop. Counts only: nothing anyone typed is kept here.</p>
${tables.funnels.length ? tables.funnels.map(show).join('\n') : '<p>No journeys started in this period.</p>'}

<h2>Embedded links and widgets</h2>
${show(tables.sources)}

<h2>Hate crime workshops</h2>
<p class="note">Every session, as it stands now (whatever dates are chosen). Places booked counts places; the waiting list and cancellations count bookings, and a cancelled booking frees its places.</p>
${show(tables.sessions)}
${data.workshops.length ? `<ul>${data.workshops.map((w) => `<li><a href="/staff/exports/attendees/${encodeURIComponent(w.id)}.csv">Download the attendee list for ${escapeHtml(w.title)}, ${escapeHtml(londonDateTime12(w.start))} (CSV)</a></li>`).join('')}</ul>` : ''}

<h2>Volunteering interest</h2>
${show(tables.interests)}
<p><a href="/staff/links">Make links, website chat buttons and QR codes for a journey</a></p>
<p><a href="/staff/exports/interests.csv">Download volunteering interest for coordinators (CSV)</a></p>

<h2>Questions the helper could not answer</h2>
<p class="note">Grouped by similar wording, most frequent first. Add content for the top ones.</p>
<p class="note">${MASKED_NOTE}</p>
${show(tables.questions)}

<h2>Feedback</h2>
${show(tables.feedback)}
<h2>Talk to a person</h2>
${show(tables.handoff)}
<p><a href="/staff/exports/callbacks.csv">Download call-back requests (CSV)</a></p>
${data.comments.length ? `<h3>Latest comments</h3><p class="note">${MASKED_NOTE}</p><ul>${data.comments.map((c) => `<li><strong>${escapeHtml(c.journey)}:</strong> ${escapeHtml(c.text)}</li>`).join('')}</ul>` : ''}
`;
  return page('Insights dashboard', body);
}
