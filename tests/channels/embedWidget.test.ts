// The embed widget on a community group's page (served from another origin): the one script tag
// gives a chat button that opens the chosen journey in a panel; keyboard and focus work; Escape
// closes; the quick exit (panel button, Shift x3 in the chat or on the page) leaves the host page;
// axe finds no serious problems.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Frame, Page } from 'playwright-core';
import { isoWeek } from '../../src/insights/isoWeek.js';
import { escapeHtml } from '../../src/staff/html.js';
import type { Topic } from '../../src/plan/schema.js';
import { screenshot, seriousViolations, shown, stubExitSite } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/appHarness.js';
import { launchChromium } from '../support/chromium.js';

/** A plain community-group page with the snippet, as the staff links page gives it. */
function hostPage(snippet: string): string {
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Kingston Library Friends</title></head>
<body><header><h1>Kingston Library Friends</h1></header>
<main><p>Our next meeting is on Tuesday. <a href="/about">About us</a></p></main>
${snippet}</body></html>`;
}

describe('the embed widget on a host page in Chromium', function () {
  this.timeout(60000);
  let app: TestApp;
  let browser: Browser;
  let host: Server;
  let hostUrl: string;
  let page: Page;
  let theme: Topic;

  before(async () => {
    app = await startTestApp();
    theme = app.services.content.plan.themes()[1]!;
    const snippet = `<script src="${app.url}/embed.js" data-journey="themes" data-topic="${escapeHtml(theme.id)}" data-source="LIB-FRIENDS" defer></script>`;
    host = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(hostPage(snippet));
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    // localhost and 127.0.0.1 are different origins: the widget is cross-origin, as on a real site.
    hostUrl = `http://localhost:${(host.address() as AddressInfo).port}/`;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await stubExitSite(page);
  });
  after(async () => {
    await browser?.close();
    await new Promise((resolve) => host?.close(resolve));
    await app?.stop();
  });

  const launcher = () => page.getByRole('button', { name: 'Chat with Safer Kingston' });
  const chatFrame = async (): Promise<Frame> => {
    const handle = await page.locator('iframe.skw-frame').elementHandle();
    const frame = await handle?.contentFrame();
    assert.ok(frame, 'the chat frame');
    return frame;
  };

  it('shows a chat button that loads nothing from the service until pressed', async () => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(hostUrl);
    await launcher().waitFor();
    assert.equal(await launcher().getAttribute('aria-expanded'), 'false');
    assert.equal(await page.locator('iframe').count(), 0);
    assert.ok(!requests.some((u) => u.includes('/chat')), 'no chat loaded yet');
  });

  it('opens by keyboard, moves focus into the panel, and shows the chosen journey', async () => {
    await launcher().focus();
    await page.keyboard.press('Enter');
    assert.equal(await launcher().getAttribute('aria-expanded'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Safer Kingston chat');
    const frame = await chatFrame();
    await shown(frame, app.services.content.conversation.welcome[0]!, 15000);
    await frame.getByText(theme.passages[0]!.heading).first().waitFor();
    await page.waitForTimeout(300);
    await screenshot(page, 'embed-widget-open');
    const [week] = await app.services.insights.weeks([isoWeek(new Date())]);
    assert.equal(week!.counts['journey_started|themes|directline|LIB-FRIENDS'], 1);
  });

  it('has no serious accessibility problems (axe) on the host page with the panel open, or in the chat frame', async () => {
    assert.deepEqual(await seriousViolations(page), []);
    assert.deepEqual(await seriousViolations(await chatFrame()), []);
  });

  it('closes with Escape, from the panel or from inside the chat, and gives focus back to the button', async () => {
    await page.getByRole('button', { name: 'Close the chat' }).focus();
    await page.keyboard.press('Escape');
    assert.ok(await page.locator('#skw-panel').isHidden());
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'skw-launcher');

    await page.keyboard.press('Enter');
    const frame = await chatFrame();
    await frame.getByRole('textbox').last().focus();
    await page.keyboard.press('Escape');
    await page.locator('#skw-panel').waitFor({ state: 'hidden' });
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'skw-launcher');
  });

  it('shows no second header or exit button inside the frame: the panel has them', async () => {
    await launcher().click();
    const frame = await chatFrame();
    assert.equal(await frame.getByRole('button', { name: 'Exit this page' }).count(), 0);
    assert.equal(await page.getByRole('button', { name: 'Exit this page' }).count(), 1);
    const advice = page.getByRole('link', { name: /Staying safe online/ });
    assert.equal(await advice.getAttribute('href'), `${app.url}/privacy#staying-safe-online`);
  });

  it('Shift three times inside the chat leaves the host page at once', async () => {
    const frame = await chatFrame();
    await frame.getByRole('textbox').last().focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
    await page.waitForURL('https://www.bbc.co.uk/weather');
    await page.goBack();
    assert.notEqual(page.url(), hostUrl, 'Back does not return to the page with the chat');
  });

  it('the panel’s exit button, or Shift three times on the host page, leaves too', async () => {
    for (const exit of ['button', 'shift']) {
      const fresh = await browser.newPage();
      await stubExitSite(fresh);
      await fresh.goto(hostUrl);
      await fresh.getByRole('button', { name: 'Chat with Safer Kingston' }).click();
      if (exit === 'button') {
        await fresh.getByRole('button', { name: 'Exit this page' }).click({ noWaitAfter: true });
      } else {
        for (let i = 0; i < 3; i++) await fresh.keyboard.press('Shift');
      }
      await fresh.waitForURL('https://www.bbc.co.uk/weather');
      await fresh.close();
    }
  });
});
