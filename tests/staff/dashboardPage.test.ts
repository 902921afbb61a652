// The staff dashboard in headless Chromium, with real data from a seeded store.
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { BookingService } from '../../src/signups/bookingService.js';
import { startTestApp, type TestApp } from '../support/appHarness.js';
import { artifactPath, launchChromium } from '../support/chromium.js';

const TOKEN = 'dashboard-test-token-0123456789abcdef0123';

describe('staff dashboard in Chromium', function () {
  this.timeout(60000);
  let app: TestApp;
  let browser: Browser;
  let sessionTitle: string;

  before(async () => {
    app = await startTestApp({ STAFF_TOKEN: TOKEN });
    const { store, content, now, insights } = app.services;
    const session = content.workshops.upcoming(now())[0];
    sessionTitle = session.title;
    const bookings = new BookingService(store.records, content.workshops, now);
    for (let i = 0; i < 3; i++) {
      await bookings.book({
        sessionId: session.id,
        seats: 2,
        attendee: { name: `Attendee ${i}`, email: `a${i}@example.org` },
        submissionKey: `k${i}`,
        waitingListOk: true,
      });
    }
    for (const channel of ['directline', 'directline', 'msteams']) {
      await insights.record({ type: 'conversation_started', channel, source: 'KREC' });
    }
    await insights.record({
      type: 'journey_started',
      journey: 'bystander',
      channel: 'directline',
      source: 'KREC',
    });
    await insights.record({
      type: 'journey_completed',
      journey: 'bystander',
      channel: 'directline',
      source: 'KREC',
    });
    await insights.record({
      type: 'unanswered',
      kind: 'no_answer',
      text: 'where do I park for the workshop?',
    });
    await insights.record({ type: 'unanswered', kind: 'no_answer', text: 'Where can I park for workshops' });
    await insights.record({ type: 'feedback', journey: 'bystander', helpful: true });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('shows the figures from the store, with a table for every chart, and saves a screenshot', async () => {
    const page = await browser.newPage({ extraHTTPHeaders: { authorization: `Bearer ${TOKEN}` } });
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${app.url}/staff`);
    await page.getByRole('heading', { name: 'Insights dashboard' }).waitFor();

    const cells = (caption: string) =>
      page.locator('table', { has: page.locator('caption', { hasText: caption }) }).locator('tbody tr');
    const weekRow = await cells('Conversations started per week').last().innerText();
    assert.match(weekRow, /\b3\b/);
    assert.match(await cells('By source code').first().innerText(), /KREC\s+3\s+1/);
    assert.match(await cells('Journeys started and completed').first().innerText(), /bystander\s+1\s+1/);
    const sessionRow = cells('Sessions').filter({ hasText: sessionTitle }).first();
    assert.match(await sessionRow.innerText(), /\b6\b/, 'six places booked');
    const question = await cells('Unanswered and unclear questions').first().innerText();
    assert.match(question, /park/i);
    assert.match(question, /\b2\b/);
    assert.equal((await page.locator('svg.chart').count()) > 0, true);
    await page.screenshot({ path: await artifactPath('staff-dashboard.png'), fullPage: true });
    assert.deepEqual(errors, []);
  });
});
