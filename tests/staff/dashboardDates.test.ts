// The dashboard writes times in London time and says so, and weeks as the date of their Monday.
import assert from 'node:assert/strict';
import type { DashboardData } from '../../src/staff/dashboardData.js';
import { londonDateTime12, weekLabel } from '../../src/staff/dashboardDates.js';
import { renderDashboard } from '../../src/staff/dashboardPage.js';
import { rangeBetween } from '../../src/staff/dashboardRange.js';

describe('staff dashboard: dates and times', () => {
  it('writes an instant in London time, in winter and in summer', () => {
    assert.equal(londonDateTime12('2026-12-09T18:00:00.000Z'), '9 December 2026 at 6:00pm');
    assert.equal(londonDateTime12('2027-06-10T17:00:00.000Z'), '10 June 2027 at 6:00pm', 'BST is UTC+1');
  });

  it('names a week by its Monday, across a year end', () => {
    assert.equal(weekLabel('2026-W49'), 'week of 30 November 2026');
    assert.equal(weekLabel('2026-W53'), 'week of 28 December 2026');
    assert.equal(weekLabel('2027-W01'), 'week of 4 January 2027');
    assert.equal(weekLabel('not a week'), 'not a week');
  });

  it('shows session times in London time and says so, and weeks as dates', () => {
    const data: DashboardData = {
      generatedAt: '2026-12-04T18:00:00.000Z',
      range: rangeBetween('2026-11-30', '2026-12-04'),
      funnels: [],
      handoff: [],
      weeks: [{ week: '2026-W49', conversations: 3, byChannel: { directline: 3 } }],
      journeys: [],
      sources: [],
      workshops: [
        {
          id: 's1',
          title: 'Evening session',
          start: '2026-12-09T18:00:00.000Z',
          capacity: 30,
          booked: 2,
          waiting: 0,
          cancelled: 0,
        },
      ],
      interests: [],
      questions: [],
      feedback: [],
      comments: [],
    } as unknown as DashboardData;
    const html = renderDashboard(data);
    assert.match(html, /Made 4 December 2026 at 6:00pm \(London time\)/);
    assert.match(html, /Starts \(London time\)/);
    assert.match(html, /9 December 2026 at 6:00pm/);
    assert.match(html, /week of 30 November 2026/);
    assert.doesNotMatch(html, /2026-W49|UTC/);
  });
});
