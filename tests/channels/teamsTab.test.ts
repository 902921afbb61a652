// The Teams tab in Chromium: outside Teams (directly, and framed by a page that is not Teams) it
// shows the themes and workshops within 2 seconds; with a stand-in for Teams it follows the Teams
// theme (default, dark, contrast), and axe finds no serious problems in any of them.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Frame, Page } from 'playwright-core';
import { buildTabContent } from '../../src/server/tabContentRoute.js';
import { screenshot, seriousViolations } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/appHarness.js';
import { launchChromium } from '../support/chromium.js';

/** A stand-in for @microsoft/teams-js, as inside Teams: initialise works and the theme is dark. */
const FAKE_TEAMS = `window.microsoftTeams = { app: {
  initialize: () => Promise.resolve(),
  getContext: () => Promise.resolve({ app: { theme: 'dark' } }),
  registerOnThemeChangeHandler: (handler) => { window.__themeChange = handler; },
  openLink: (url) => { window.__opened = url; return Promise.resolve(); },
} };`;

describe('the Teams tab in Chromium', function () {
  this.timeout(60000);
  let app: TestApp;
  let browser: Browser;
  let host: Server;
  let hostUrl: string;
  let page: Page;
  let themeCount: number;

  before(async () => {
    app = await startTestApp();
    themeCount = app.services.content.plan.themes().length;
    host = createServer((req, res) => {
      // ?src= frames another tab address (a second service with a bot id).
      const src =
        new URL(req.url ?? '/', 'http://host').searchParams.get('src') ?? `${app.url}/teams-tab.html`;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><html lang="en-GB"><head><title>Not Teams</title></head><body><iframe title="Tab" src="${src}" width="1000" height="800"></iframe></body></html>`,
      );
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    hostUrl = `http://localhost:${(host.address() as AddressInfo).port}/`;
    browser = await launchChromium();
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  });
  afterEach(() => page.close());
  after(async () => {
    await browser?.close();
    await new Promise((resolve) => host?.close(resolve));
    await app?.stop();
  });

  /**
   * The tab's CSP lets only Teams and Microsoft 365 frame it. To stand in for a frame that is not
   * Teams (and for Teams itself), the test host is added to frame-ancestors on the way.
   */
  async function allowTestFrame(): Promise<void> {
    await page.route(/\/teams-tab\.html$/, async (route) => {
      const response = await route.fetch();
      const csp = response.headers()['content-security-policy'] ?? '';
      assert.match(csp, /frame-ancestors 'self' https:\/\/teams\.microsoft\.com/);
      await route.fulfill({
        response,
        headers: {
          ...response.headers(),
          'content-security-policy': csp.replace(
            'frame-ancestors',
            `frame-ancestors ${hostUrl.replace(/\/$/, '')}`,
          ),
        },
      });
    });
  }

  async function contentShown(where: Page | Frame): Promise<void> {
    await where.locator('#themes li').first().waitFor({ timeout: 2000 });
    assert.equal(await where.locator('#themes li').count(), themeCount);
    await where.locator('#workshops li, #workshops-status:not([hidden])').first().waitFor({ timeout: 2000 });
    const partnerSessions = app.services.content.workshops
      .upcoming(new Date())
      .filter((s) => s.audience === 'partners');
    assert.equal(await where.locator('#workshops li').count(), Math.min(6, partnerSessions.length));
  }

  it('outside Teams shows its content within 2 seconds, with the chat button going to the web chat', async () => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${app.url}/teams-tab.html`, { waitUntil: 'commit' });
    await contentShown(page);
    assert.equal(await page.getAttribute('html', 'data-theme'), 'default');
    assert.ok(
      requests.some((u) => u.endsWith('/vendor/teams-js.js')),
      'teams-js from this service',
    );
    assert.ok(
      requests.every((u) => new URL(u).host === new URL(app.url).host),
      'nothing from a CDN',
    );
    await screenshot(page, 'teams-tab-outside-teams');
    assert.deepEqual(await seriousViolations(page), []);
    await page.getByRole('link', { name: 'Ask the helper in a chat' }).click();
    await page.waitForURL(/\/chat\?journey=themes$/);
  });

  it('framed by a page that is not Teams, still shows its content within 2 seconds', async () => {
    await allowTestFrame();
    await page.goto(hostUrl, { waitUntil: 'commit' });
    const frame = page.frameLocator('iframe');
    await frame.locator('#themes li').first().waitFor({ timeout: 2000 });
    assert.equal(await frame.locator('#themes li').count(), themeCount);
  });

  it('inside Teams follows the theme: default, dark and contrast, each accessible', async () => {
    await allowTestFrame();
    await page.route(/\/vendor\/teams-js\.js$/, (route) =>
      route.fulfill({ status: 200, contentType: 'text/javascript', body: FAKE_TEAMS }),
    );
    await page.goto(hostUrl);
    await page.locator('iframe').waitFor();
    const frame = await (await page.locator('iframe').elementHandle())?.contentFrame();
    assert.ok(frame);
    await contentShown(frame);
    await frame.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    assert.deepEqual(await seriousViolations(frame), [], 'dark');
    await screenshot(page, 'teams-tab-dark');
    for (const theme of ['contrast', 'default']) {
      await frame.evaluate(
        (t) => (window as unknown as { __themeChange(t: string): void }).__themeChange(t),
        theme,
      );
      assert.equal(await frame.evaluate(() => document.documentElement.dataset.theme), theme);
      assert.deepEqual(await seriousViolations(frame), [], theme);
    }
  });

  it('inside Teams, the chat button opens the chat with the bot in Teams', async () => {
    const botId = '66666666-7777-8888-9999-000000000000';
    const withBot = await startTestApp({
      MicrosoftAppId: botId,
      MicrosoftAppPassword: 'not-used-in-this-test',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: '11111111-2222-3333-4444-555555555555',
    });
    try {
      await page.route(/\/vendor\/teams-js\.js$/, (route) =>
        route.fulfill({ status: 200, contentType: 'text/javascript', body: FAKE_TEAMS }),
      );
      await allowTestFrame();
      await page.goto(`${hostUrl}?src=${encodeURIComponent(`${withBot.url}/teams-tab.html`)}`);
      await page.locator('iframe').waitFor();
      const frame = await (await page.locator('iframe').elementHandle())?.contentFrame();
      assert.ok(frame);
      await frame.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
      await frame.locator('#themes li').first().waitFor();
      await frame.getByRole('link', { name: 'Ask the helper in a chat' }).click();
      const opened = await frame.evaluate(() => (window as unknown as { __opened?: string }).__opened);
      assert.equal(opened, `https://teams.microsoft.com/l/chat/0/0?users=28:${botId}`);
    } finally {
      await page.close(); // its keep-alive connections would hold the server open
      await withBot.stop();
    }
  });

  it('serves the tab content from the content: themes, partner workshops, the Teams chat link', () => {
    const content = app.services.content;
    const later = (days: number) => new Date(Date.now() + days * 86_400_000);
    const withWorkshops = {
      ...content,
      workshops: {
        upcoming: () => [
          { id: 'p1', title: 'For partners', start: later(10), audience: 'partners', format: 'online' },
          { id: 'c1', title: 'For residents', start: later(12), audience: 'community', format: 'in-person' },
        ],
      },
    } as unknown as typeof content;
    const tab = buildTabContent(withWorkshops, new Date(), '66666666-7777-8888-9999-000000000000');
    assert.equal(tab.themes.length, content.plan.themes().length);
    assert.ok(tab.themes.every((t) => t.summary.length > 0 && !t.title.startsWith('Cross-cutting')));
    assert.deepEqual(
      tab.workshops.map((w) => w.id),
      ['p1'],
    );
    assert.equal(
      tab.teamsChatLink,
      'https://teams.microsoft.com/l/chat/0/0?users=28:66666666-7777-8888-9999-000000000000',
    );
    assert.equal(buildTabContent(content, new Date()).teamsChatLink, undefined);
  });
});
