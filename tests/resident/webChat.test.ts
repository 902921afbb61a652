// The resident journeys in the real Web Chat page (headless Chromium over the local Direct Line):
// answer buttons are messageBack actions that send a value and show the label as the person's
// message, and the reporting route arrives as a card with tap-to-call buttons.
import assert from 'node:assert/strict';
import { useAppInChromium } from '../support/chromium.js';
import { clickButton, shown } from '../support/browser.js';

describe('resident journeys in the web chat page', function () {
  this.timeout(60000);
  const chat = useAppInChromium();

  it('taps answer buttons and shows the route card with tap-to-call', async () => {
    const page = await chat.browser.newPage({ viewport: { width: 1000, height: 900 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${chat.app.url}/`);
    await clickButton(page, 'Report something');
    await shown(page, /What would you like to report\?/);
    await clickButton(page, 'Fraud or a scam');
    // The tapped label is shown as the person's message, and the route card arrives.
    await shown(page, /Report fraud or a scam/);
    const call = page.locator('button, a').filter({ hasText: 'Call 0300 123 2040' }).first();
    await call.waitFor({ timeout: 10000 });
    assert.ok(
      await page.getByText('Fraud or a scam').count(),
      'the tapped answer is shown in the transcript',
    );
    assert.deepEqual(problems, []);
    await page.close();
  });
});
