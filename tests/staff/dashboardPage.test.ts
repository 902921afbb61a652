// The staff dashboard in headless Chromium, with real data from a seeded store.
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { BookingService } from '../../src/signups/bookingService.js';
import { startTestApp, type TestApp } from '../support/appHarness.js';
import { WARD_NOT_KNOWN } from '../../src/signups/interestService.js';
import { seriousViolations } from '../support/browser.js';
import { artifactPath, launchChromium } from '../support/chromium.js';

const TOKEN = 'dashboard-test-token-0123456789abcdef0123';

describe('staff dashboard in Chromium', function () {
  this.timeout(60000);
  let app: TestApp;
  let browser: Browser;
  let sessionTitle: string;
  let content: TestApp['services']['content'];

  before(async () => {
    app = await startTestApp({ STAFF_TOKEN: TOKEN });
    ({ content } = app.services);
    const { store, now, insights } = app.services;
    const session = content.workshops.upcoming(now())[0];
    sessionTitle = session.title;
    const bookings = new BookingService(store.records, content.workshops, now);
    const refs: string[] = [];
    for (let i = 0; i < 3; i++) {
      const booked = await bookings.book({
        sessionId: session.id,
        seats: 2,
        attendee: { name: `Attendee ${i}`, email: `a${i}@example.org` },
        submissionKey: `k${i}`,
        waitingListOk: true,
      });
      refs.push(booked.outcome === 'booked' ? booked.ref : '');
    }
    await bookings.cancel(refs[0]!, 'a0@example.org');
    await insights.record({ type: 'interest', ward: WARD_NOT_KNOWN, role: 'community-action-days' });
    for (const step of ['workshop-session', 'workshop-session', 'workshop-seats'])
      await insights.record({ type: 'journey_step', journey: 'workshop', step });
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
    const bystander = content.conversation.journeys.find((j) => j.route === 'bystander')!.label;
    assert.equal(
      (await cells('Journeys started and completed').first().innerText()).replace(/\s+/g, ' '),
      `${bystander} 1 1`,
    );
    const sessionRow = cells('Sessions').filter({ hasText: sessionTitle }).first();
    // Three bookings of two places, one cancelled: four places booked and one cancelled booking.
    assert.match(await sessionRow.innerText(), /\b4\s+0\s+1\s*$/, 'places booked, waiting, cancelled');
    const interest = await cells('Expressions of interest by ward and role').first().innerText();
    assert.match(interest, new RegExp(content.staffDashboard.wardNotKnown));
    assert.match(interest, new RegExp(content.volunteering.get('community-action-days')!.name));
    const funnel = await cells('where people got to').allInnerTexts();
    assert.ok(
      funnel.some((row) => /Which session\s+2/.test(row)),
      funnel.join(' / '),
    );
    const question = await cells('Unanswered and unclear questions').first().innerText();
    assert.match(question, /park/i);
    assert.match(question, /\b2\b/);
    assert.equal((await page.locator('svg.chart').count()) > 0, true);
    await page.screenshot({ path: await artifactPath('staff-dashboard.png'), fullPage: true });
    assert.deepEqual(await seriousViolations(page), []);
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Download these figures (CSV)' }).click();
    assert.match((await download).suggestedFilename(), /^safer-kingston-figures-\d{4}-\d{2}-\d{2}-to-/);
    assert.deepEqual(errors, []);
  });

  it('names wrong dates in a summary linked to the field, keeps them, and has no axe problem', async () => {
    const page = await browser.newPage({ extraHTTPHeaders: { authorization: `Bearer ${TOKEN}` } });
    await page.goto(`${app.url}/staff`);
    await page.getByLabel('From').fill('31/02/2026');
    await page.getByRole('button', { name: 'Show figures' }).click();
    const summary = page.getByRole('alert');
    await summary.waitFor();
    assert.match(await summary.innerText(), /There is a problem with the dates/);
    await summary.getByRole('link').first().click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'from', 'the link goes to the field');
    assert.equal(await page.getByLabel('From').inputValue(), '31/02/2026', 'what was typed is kept');
    assert.deepEqual(await seriousViolations(page), []);
    await page.screenshot({ path: await artifactPath('staff-dashboard-date-error.png'), fullPage: false });
    await page.close();
  });
});
