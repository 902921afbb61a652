// The chat page in Chromium: deep links open their journey (or the welcome when unknown), the quick
// exit (button and Shift three times) leaves nothing of the chat behind, and axe-core finds no
// serious or critical problems on the chat page and the privacy notice.
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { isoWeek } from '../../src/insights/isoWeek.js';
import type { Topic } from '../../src/plan/schema.js';
import { loosely, screenshot, seriousViolations, shown, stubExitSite } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/appHarness.js';
import { launchChromium } from '../support/chromium.js';

describe('chat links and the quick exit in Chromium', function () {
  this.timeout(60000);
  let app: TestApp;
  let browser: Browser;
  let page: Page;
  let welcome: string;
  let firstJourney: string;
  let theme: Topic;

  before(async () => {
    app = await startTestApp();
    browser = await launchChromium();
    const { conversation, plan } = app.services.content;
    welcome = conversation.welcome[0]!;
    firstJourney = conversation.journeys[0]!.label;
    theme = plan.themes()[0]!;
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    await stubExitSite(page);
  });
  afterEach(async () => {
    await page.close();
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
  });

  const menuButtons = () =>
    page
      .locator('button:not(.webchat__live-region-activity__suggested-action)')
      .filter({ hasText: firstJourney });

  it('a deep link opens its journey after a short welcome, and counts the source', async () => {
    await page.goto(`${app.url}/chat?journey=themes&topic=${theme.id}&source=LIBRARY-1`);
    await shown(page, welcome, 15000);
    await page.getByText(theme.passages[0]!.heading).first().waitFor();
    assert.equal(await menuButtons().count(), 0, 'no journey menu before the journey');
    await screenshot(page, 'deep-link-themes');
    const [week] = await app.services.insights.weeks([isoWeek(new Date())]);
    assert.equal(week!.counts['conversation_started|directline|LIBRARY-1'], 1);
    assert.equal(week!.counts['journey_started|themes|directline|LIBRARY-1'], 1);
  });

  it('an unknown journey falls back to the welcome and the menu', async () => {
    await page.goto(`${app.url}/chat?journey=admin&topic=%3Cscript%3E`);
    await shown(page, welcome, 15000);
    await menuButtons().first().waitFor();
    assert.equal(
      await page
        .locator('p')
        .filter({ hasText: loosely(welcome) })
        .count(),
      1,
      'one welcome',
    );
  });

  /** Opens the chat after another page (for Back), says something, keeps a value in sessionStorage. */
  async function chatThenExit(exit: () => Promise<void>): Promise<void> {
    await page.goto(`${app.url}/privacy`);
    await page.goto(`${app.url}/chat`);
    await shown(page, welcome, 15000);
    const input = page.getByRole('textbox').last();
    await input.fill('help');
    await input.press('Enter');
    await shown(page, app.services.content.conversation.help[0]!);
    // The page keeps the conversation in memory only: nothing in the tab's or the site's storage.
    assert.deepEqual(await page.evaluate(() => [sessionStorage.length, localStorage.length]), [0, 0]);
    await page.evaluate(() => sessionStorage.setItem('probe', 'kept?'));
    // Hold the neutral site back a little, to see the page blank before it arrives.
    await page.unroute('https://www.bbc.co.uk/**');
    await page.route('https://www.bbc.co.uk/**', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: '<title>Weather</title><p>Weather</p>',
      });
    });
    await exit();
    const blank = await page.evaluate(() => document.body.innerText.trim()).catch(() => '');
    assert.equal(blank, '', 'the page is blank at once');
    await page.waitForURL('https://www.bbc.co.uk/weather');
    await page.goBack();
    assert.equal(new URL(page.url()).pathname, '/privacy', 'Back skips the chat (location.replace)');
    await page.goto(`${app.url}/chat`);
    assert.equal(await page.evaluate(() => sessionStorage.length), 0, 'sessionStorage is empty');
    await shown(page, welcome, 15000);
    const helpText = loosely(app.services.content.conversation.help[0]!);
    assert.equal(await page.locator('p').filter({ hasText: helpText }).count(), 0, 'no earlier transcript');
  }

  it('quick exit by the button leaves no transcript', async () => {
    await chatThenExit(() =>
      page.getByRole('button', { name: 'Exit this page' }).click({ noWaitAfter: true }),
    );
  });

  it('quick exit by pressing Shift three times leaves no transcript', async () => {
    await chatThenExit(async () => {
      await page.getByRole('textbox').last().focus();
      for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
    });
  });

  it('works by keyboard: skip link, then the quick exit with a visible focus', async () => {
    await page.goto(`${app.url}/chat`);
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Skip to the chat');
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return { text: el.textContent, outline: style.outlineStyle, background: style.backgroundColor };
    });
    assert.equal(focus.text, 'Exit this page');
    assert.notEqual(focus.outline, 'none', 'focus is visible');
    await page.keyboard.press('Enter');
    await page.waitForURL('https://www.bbc.co.uk/weather');
  });

  it('never renders typed text as HTML', async () => {
    await page.goto(`${app.url}/chat`);
    await shown(page, welcome, 15000);
    const input = page.getByRole('textbox').last();
    await input.fill('<img id="injected" src="/favicon.svg" onerror="window.__xss=1"> <b id="bold">hi</b>');
    await input.press('Enter');
    await page.getByText('<b id="bold">hi</b>', { exact: false }).first().waitFor();
    assert.equal(await page.locator('#injected, #bold').count(), 0);
    assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
  });

  it('says what the quick exit does not do, and links to safety advice that exists', async () => {
    await page.goto(`${app.url}/chat`);
    await page.locator('p:visible').filter({ hasText: 'does not clear your browsing history' }).waitFor();
    const href = await page.getByRole('link', { name: 'Read how to stay safer online' }).getAttribute('href');
    assert.equal(href, '/privacy#staying-safe-online');
    await page.goto(`${app.url}${href}`);
    assert.equal(await page.locator('#staying-safe-online').count(), 1);
  });

  it('has no serious accessibility problems (axe) on the chat page and the privacy notice, and text resizes to 200%', async () => {
    await page.goto(`${app.url}/chat?journey=themes`);
    await shown(page, welcome, 15000);
    await page.waitForTimeout(500);
    assert.deepEqual(await seriousViolations(page), []);
    await page.evaluate(() => {
      document.documentElement.style.fontSize = '200%';
    });
    const fits = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    assert.ok(fits, 'no sideways scrolling at 200% text');
    assert.ok(await page.getByRole('button', { name: 'Exit this page' }).isVisible());
    await screenshot(page, 'chat-page-200-percent');
    await page.goto(`${app.url}/privacy`);
    assert.deepEqual(await seriousViolations(page), []);
  });
});
