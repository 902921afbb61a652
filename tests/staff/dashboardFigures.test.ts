// What the dashboard shows and the figures CSV lists: names staff know (never the ids the insights
// keep), a funnel per journey, and cells a spreadsheet cannot run as formulas.
import assert from 'node:assert/strict';
import { loadContent, type Content } from '../../src/content/content.js';
import { applyEvent, type InsightEvent, type WeekInsights } from '../../src/insights/insights.js';
import { WARD_NOT_KNOWN } from '../../src/signups/interestService.js';
import { buildDashboardData, type DashboardData } from '../../src/staff/dashboardData.js';
import { figuresCsv } from '../../src/staff/dashboardFigures.js';
import { renderDashboard } from '../../src/staff/dashboardPage.js';
import { rangeBetween } from '../../src/staff/dashboardRange.js';
import { staffLabels } from '../../src/staff/staffLabels.js';

const NOW = new Date('2026-12-10T12:00:00Z');

function weekOf(label: string, events: InsightEvent[]): WeekInsights {
  const doc = events.reduce<WeekInsights | undefined>((w, e) => applyEvent(w, label, e), undefined)!;
  return doc ?? { week: label, counts: {}, questions: {}, comments: [] };
}

const started = (n: number): InsightEvent[] =>
  Array.from({ length: n }, () => ({ type: 'journey_started', journey: 'workshop', channel: 'msteams' }));
const reached = (step: string, n: number): InsightEvent[] =>
  Array.from({ length: n }, () => ({ type: 'journey_step', journey: 'workshop', step }));

const EVENTS: InsightEvent[] = [
  { type: 'conversation_started', channel: 'msteams' },
  { type: 'conversation_started', channel: 'directline' },
  ...started(10),
  ...reached('workshop-session', 9),
  ...reached('workshop-seats', 6),
  ...reached('signup-contact-name', 3),
  { type: 'journey_completed', journey: 'workshop', channel: 'msteams' },
  { type: 'journey_completed', journey: 'workshop', channel: 'msteams' },
  { type: 'interest', ward: WARD_NOT_KNOWN, role: 'community-action-days' },
  { type: 'interest', ward: 'tudor', role: 'police-ward-panel' },
  { type: 'feedback', journey: 'workshop', helpful: false },
];

describe('staff dashboard: names, funnels and the figures download', () => {
  let content: Content;
  let data: DashboardData;
  before(async () => {
    content = await loadContent();
    const range = rangeBetween('2026-11-30', '2026-12-10');
    const weeks = {
      weeks: async (labels: string[]) =>
        labels.map((l, i) =>
          i === 0
            ? weekOf(l, EVENTS)
            : {
                week: l,
                counts: {},
                questions: { q: { text: '=HYPERLINK("http://x") parking', kind: 'no_answer', count: 2 } },
                comments: [],
              },
        ),
    };
    data = await buildDashboardData(weeks as never, async () => [], staffLabels(content), range, NOW);
  });

  it('reads only the weeks of the range', () => {
    assert.deepEqual(
      data.weeks.map((w) => w.week),
      ['2026-W49', '2026-W50'],
    );
  });

  it('names wards, roles, journeys and channels as staff know them, never by id', () => {
    const workshop = content.conversation.journeys.find((j) => j.route === 'workshop')!.label;
    assert.deepEqual(data.journeys, [{ journey: workshop, started: 10, completed: 2 }]);
    const wards = data.interests.map((i) => i.ward).sort();
    assert.deepEqual(wards, [content.staffDashboard.wardNotKnown, content.wards.get('tudor')!.name].sort());
    assert.ok(data.interests.some((i) => i.role === content.volunteering.get('police-ward-panel')!.name));
    assert.deepEqual(
      Object.keys(data.weeks[0]!.byChannel).sort(),
      [content.staffDashboard.channels.directline, content.staffDashboard.channels.msteams].sort(),
    );
    const everything = renderDashboard(data) + figuresCsv(data, 'the dates');
    for (const id of [WARD_NOT_KNOWN, 'police-ward-panel', 'community-action-days', '|workshop|', 'msteams'])
      assert.ok(!everything.includes(id), `"${id}" is shown as an id`);
  });

  it('shows a funnel per journey: started, each question reached (most first), completed', () => {
    const [funnel] = data.funnels;
    assert.ok(funnel);
    assert.equal(funnel.started, 10);
    assert.deepEqual(
      funnel.steps.map((s) => [s.step, s.reached]),
      [
        [content.staffDashboard.steps['workshop-session'], 9],
        [content.staffDashboard.steps['workshop-seats'], 6],
        [content.staffDashboard.steps['signup-contact-name'], 3],
      ],
    );
    assert.equal(funnel.completed, 2);
    const html = renderDashboard(data);
    assert.match(html, /<th scope="row">Asked: How many places<\/th><td>6<\/td><td>60%<\/td>/);
    assert.match(html, /<th scope="row">Completed<\/th><td>2<\/td><td>20%<\/td>/);
  });

  it('downloads every figure shown, one a line, with formulas made harmless', () => {
    const csv = figuresCsv(data, 'Monday 30 November 2026 to Sunday 13 December 2026');
    const lines = csv.trim().split('\r\n');
    assert.equal(lines[0], 'Table,Row,Column,Value');
    assert.match(csv, /"Dates covered","Monday 30 November 2026 to Sunday 13 December 2026"/);
    assert.match(csv, /"Journeys started and completed","Hate crime workshops","Started","10"/);
    const wardNotKnown = content.staffDashboard.wardNotKnown;
    const role = content.volunteering.get('community-action-days')!.name;
    assert.ok(
      csv.includes(`"Expressions of interest by ward and role","${wardNotKnown} – ${role}","People","1"`),
    );
    assert.match(csv, /"Asked: How many places","Times reached","6"/);
    // A question someone typed starting with "=" is text in a spreadsheet, not a formula.
    assert.match(csv, /"'=HYPERLINK\(""http:\/\/x""\) parking","Times asked","2"/);
    assert.ok(!/(^|,)"?[=+@]/m.test(csv.replace(/"'[=+\-@]/g, '"')), 'no cell starts a formula');
  });
});
