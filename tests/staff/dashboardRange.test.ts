// The dashboard's date range: whole London weeks, typed dates read as people type them, and wrong
// input named field by field while the figures for the last weeks are shown.
import assert from 'node:assert/strict';
import { isoWeek } from '../../src/insights/isoWeek.js';
import {
  DEFAULT_WEEKS,
  defaultRange,
  londonToday,
  rangeBetween,
  readRange,
} from '../../src/staff/dashboardRange.js';

// A Thursday in winter, in the evening.
const NOW = new Date('2026-12-10T19:00:00Z');

describe('staff dashboard: the date range', () => {
  it('by default covers the last 12 whole weeks up to today', () => {
    const range = defaultRange(NOW);
    assert.equal(range.weeks.length, DEFAULT_WEEKS);
    assert.equal(range.weeks.at(-1), '2026-W50');
    assert.equal(range.to, '2026-12-10');
    assert.equal(range.lastDay, '2026-12-13', 'to the Sunday of this week');
    assert.equal(new Date(`${range.firstDay}T12:00:00Z`).getUTCDay(), 1, 'from a Monday');
  });

  it('covers the whole weeks the dates fall in, across a year end', () => {
    const range = rangeBetween('2026-12-30', '2027-01-05');
    assert.deepEqual(range.weeks, ['2026-W53', '2027-W01']);
    assert.equal(range.firstDay, '2026-12-28');
    assert.equal(range.lastDay, '2027-01-10');
  });

  it('reads dates typed as 30/11/2026 or 2026-11-30, and fills in a missing end', () => {
    const typed = readRange({ from: '30/11/2026', to: '2026-12-06' }, NOW);
    assert.deepEqual(typed.problems, []);
    assert.deepEqual(typed.range.weeks, ['2026-W49']);
    const fromOnly = readRange({ from: '1/12/2026' }, NOW);
    assert.deepEqual(fromOnly.problems, []);
    assert.equal(fromOnly.range.to, '2026-12-10', 'up to today');
    const toOnly = readRange({ to: '06/12/2026' }, NOW);
    assert.equal(toOnly.range.weeks.length, DEFAULT_WEEKS);
    assert.equal(toOnly.range.weeks.at(-1), '2026-W49');
  });

  it('names what is wrong, keeps what was typed, and falls back to the last weeks', () => {
    const cases: [Record<string, string>, 'from' | 'to', RegExp][] = [
      [{ from: '31/02/2026' }, 'from', /real date/],
      [{ from: 'last tuesday', to: '2026-12-01' }, 'from', /real date/],
      [{ from: '2026-12-01', to: '2026-13-01' }, 'to', /real date/],
      [{ from: '2026-12-08', to: '2026-12-01' }, 'from', /before "To"/],
      [{ from: '2026-12-20' }, 'from', /today or earlier/],
      [{ from: '2023-01-01', to: '2026-12-01' }, 'from', /2 years/],
    ];
    for (const [query, field, message] of cases) {
      const asked = readRange(query, NOW);
      assert.equal(asked.problems.length, 1, JSON.stringify(query));
      assert.equal(asked.problems[0]!.field, field, JSON.stringify(query));
      assert.match(asked.problems[0]!.message, message);
      assert.equal(asked.typed.from, query.from ?? '', 'what was typed is kept');
      assert.deepEqual(asked.range, defaultRange(NOW), 'the last weeks are shown meanwhile');
    }
  });

  it('counts weeks and days in London time, where midnight is not midnight UTC in summer', () => {
    // 00:30 on Monday 8 June 2026 in London is still Sunday 7 June in UTC.
    const justAfterMidnight = new Date('2026-06-07T23:30:00Z');
    assert.equal(londonToday(justAfterMidnight), '2026-06-08');
    assert.equal(isoWeek(justAfterMidnight), isoWeek(new Date('2026-06-08T12:00:00Z')));
    assert.notEqual(isoWeek(justAfterMidnight), isoWeek(new Date('2026-06-07T12:00:00Z')));
  });
});
