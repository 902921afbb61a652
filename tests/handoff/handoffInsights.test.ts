import assert from 'node:assert/strict';
import { handoffWeeks } from '../../src/insights/handoffInsights.js';
import { applyEvent, type InsightEvent, type WeekInsights } from '../../src/insights/insights.js';
import { renderDashboard } from '../../src/staff/dashboardPage.js';
import { buildDashboardData } from '../../src/staff/dashboardData.js';
import { defaultRange } from '../../src/staff/dashboardRange.js';
import { staffLabels } from '../../src/staff/staffLabels.js';
import { loadContent } from '../../src/content/content.js';

function week(label: string, events: InsightEvent[]): WeekInsights {
  return events.reduce<WeekInsights | undefined>((w, e) => applyEvent(w, label, e), undefined)!;
}

describe('handoff: insights per week and channel', () => {
  const events: InsightEvent[] = [
    ...Array.from({ length: 4 }, (): InsightEvent => ({ type: 'conversation_started', channel: 'webchat' })),
    { type: 'conversation_started', channel: 'msteams' },
    { type: 'handoff', action: 'requested', channel: 'webchat' },
    { type: 'handoff', action: 'requested', channel: 'webchat' },
    { type: 'handoff', action: 'accepted', channel: 'webchat' },
    { type: 'handoff', action: 'timed_out', channel: 'webchat' },
    { type: 'handoff', action: 'callback_requested', channel: 'webchat' },
    { type: 'handoff', action: 'callback_closed', channel: 'webchat' },
  ];

  it('counts requests, outcomes and call-backs, and containment is conversations without a person', () => {
    const rows = handoffWeeks([week('2026-W49', events)]);
    const web = rows.find((r) => r.channel === 'webchat')!;
    assert.deepEqual(
      { ...web, containment: web.containment },
      {
        week: '2026-W49',
        channel: 'webchat',
        conversations: 4,
        requested: 2,
        accepted: 1,
        timedOut: 1,
        cancelled: 0,
        callbacksRequested: 1,
        callbacksClosed: 1,
        containment: 0.75,
      },
    );
    assert.equal(rows.find((r) => r.channel === 'msteams')?.containment, 1);
  });

  it('shows on the staff dashboard as a table', async () => {
    const insights = { weeks: async (labels: string[]) => labels.map((l) => week(l, events)) };
    const now = new Date('2026-12-02T11:00:00Z');
    const content = await loadContent();
    const data = await buildDashboardData(
      insights as never,
      async () => [],
      staffLabels(content),
      defaultRange(now),
      now,
    );
    const html = renderDashboard(data);
    assert.match(html, /<h2>Talk to a person<\/h2>/);
    const channel = content.staffDashboard.channels.webchat;
    assert.ok(channel, 'the channel has a name for staff');
    assert.match(
      html,
      new RegExp(
        `<th scope="row">week of 30 November 2026</th><td>${channel.replace(/[()]/g, '\\$&')}</td><td>4</td><td>2</td><td>1</td>`,
      ),
    );
    assert.match(html, /75%/);
  });
});
