// The chat page in headless Chromium (Debian's chromium, driven by playwright-core): it loads the Web
// Chat bundle from this service, connects over the local Direct Line, shows the welcome, and answers.
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { loadContent } from '../../src/content/content.js';
import type { ConversationText } from '../../src/content/conversation.js';
import { startTestApp, type TestApp } from '../support/appHarness.js';
import { artifactPath, launchChromium } from '../support/chromium.js';
import { axeViolations, clickButton, shown } from '../support/browser.js';

describe('the web chat page in Chromium', function () {
  this.timeout(60000);
  let app: TestApp;
  let words: ConversationText;
  let browser: Browser;

  before(async () => {
    words = (await loadContent()).conversation;
    app = await startTestApp();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('shows the welcome, takes a button press and a typed message, over a WebSocket', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('response', (reply) => {
      if (reply.status() >= 400) problems.push(`${reply.status()} ${reply.url()}`);
    });
    const sockets: string[] = [];
    page.on('websocket', (socket) => sockets.push(socket.url()));
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));

    const response = await page.goto(`${app.url}/`);
    assert.equal(response?.status(), 200);
    assert.match(response?.headers()['content-security-policy'] ?? '', /script-src 'self'/);
    assert.equal(await page.getAttribute('html', 'lang'), 'en-GB');

    await shown(page, words.welcome[0] as string, 15000);
    // A journey button: the reply may be the journey's first question or "coming soon"; either way the
    // bot answers, and "help" then works from wherever the conversation is.
    const journey = words.journeys[0]?.label as string;
    const botMessages = page.locator('[aria-roledescription="message"]');
    const before = await botMessages.count();
    await clickButton(page, journey);
    await page.locator('p').filter({ hasText: journey }).first().waitFor();
    await page.waitForFunction(
      (count) => document.querySelectorAll('[aria-roledescription="message"]').length > count + 1,
      before,
    );

    const input = page.getByRole('textbox').last();
    await input.fill('help');
    await input.press('Enter');
    await shown(page, words.help[0] as string);

    await page.screenshot({
      path: await artifactPath('chat-page.png'),
      fullPage: true,
    });

    assert.ok(
      sockets.some((url) => url.includes('/v3/directline/conversations/')),
      'the page used the WebSocket stream',
    );
    const foreign = requests.filter(
      (url) => /^(https?|wss?):/.test(url) && new URL(url).host !== new URL(app.url).host,
    );
    assert.deepEqual(foreign, [], 'the page fetched nothing from outside the service');
    assert.deepEqual(problems, [], 'no errors in the page (including CSP violations)');
    await page.close();
  });

  it('has a skip link to the chat that is the first thing to focus', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/`);
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLAnchorElement | null;
      return { text: element?.textContent?.trim(), href: element?.getAttribute('href') };
    });
    assert.deepEqual(focused, { text: 'Skip to the chat', href: '#chat' });
    await page.close();
  });

  it('passes axe checks for WCAG 2.2 A and AA', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.url}/`);
    await shown(page, words.welcome[0] as string, 15000);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, []);
    await page.close();
  });

  it('falls back to polling when the network blocks the WebSocket', async () => {
    const page = await browser.newPage();
    let blocked = 0;
    await page.routeWebSocket(/\/stream/, (socket) => {
      blocked += 1;
      void socket.close();
    });
    const polls: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'GET' && request.url().includes('/activities?watermark='))
        polls.push(request.url());
    });
    await page.goto(`${app.url}/`);
    await shown(page, words.welcome[0] as string, 20000);
    assert.ok(blocked > 0, 'the page tried the WebSocket first');
    assert.ok(polls.length > 0, 'the welcome came by polling');
    const input = page.getByRole('textbox').last();
    await input.fill('help');
    await input.press('Enter');
    await shown(page, words.help[0] as string);
    await page.close();
  });
});
