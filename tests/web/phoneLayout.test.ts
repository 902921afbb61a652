// The pages on a phone (390x844) in headless Chromium: "Exit this page" stays in view however far the
// page is scrolled (a phone has no Shift key), and the chat fills the screen with its first message
// and the message box in view.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Locator, Page } from 'playwright-core';
import { screenshot, shown } from '../support/browser.js';
import { useAppInChromium } from '../support/chromium.js';

const PHONE = { width: 390, height: 844 };

/** Whether the element's whole box is inside the viewport. */
async function inViewport(page: Page, target: Locator): Promise<boolean> {
  const box = await target.boundingBox();
  const size = page.viewportSize();
  assert.ok(box && size, 'the element is on the page');
  return box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width && box.y + box.height <= size.height;
}

async function scrollToBottom(page: Page): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForTimeout(100);
}

describe('the pages on a phone (390x844) in Chromium', function () {
  this.timeout(90000);
  const chat = useAppInChromium();

  it('the chat fills the screen: the welcome and the message box are in view on arrival', async () => {
    const page = await chat.browser.newPage({ viewport: PHONE });
    await page.goto(`${chat.app.url}/`);
    await shown(page, chat.app.services.content.conversation.welcome[0]!, 15000);
    const menu = chat.app.services.content.conversation.journeys[0]!.label;
    await page
      .locator('button:not(.webchat__live-region-activity__suggested-action)', { hasText: menu })
      .waitFor();
    await page.waitForTimeout(300);
    // The welcome is taller than the space above the menu buttons: its end, with the 999 line, shows.
    const firstMessage = page.locator('[aria-roledescription="message"]').first();
    const firstBox = await firstMessage.boundingBox();
    assert.ok(firstBox && firstBox.y + firstBox.height > 150, 'the welcome is in view');
    assert.ok(firstBox.y + firstBox.height < PHONE.height / 2, 'the welcome ends in the top half');
    assert.ok(await inViewport(page, page.getByRole('textbox').last()), 'the message box is on screen');
    assert.ok(await inViewport(page, page.getByRole('button', { name: 'Exit this page' })));
    const pageScroll = await page.evaluate(() => window.scrollY);
    assert.equal(pageScroll, 0, 'nothing needed scrolling to get there');
    await page.close();
  });

  it('keeps "Exit this page" in view after a long conversation, scrolled to the bottom', async () => {
    const page = await chat.browser.newPage({ viewport: PHONE });
    await page.goto(`${chat.app.url}/`);
    await shown(page, chat.app.services.content.conversation.welcome[0]!, 15000);
    const input = page.getByRole('textbox').last();
    const messages = page.locator('[aria-roledescription="message"]');
    for (let turn = 0; turn < 8; turn++) {
      const before = await messages.count();
      await input.fill('help');
      await input.press('Enter');
      await page.waitForFunction(
        (count) => document.querySelectorAll('[aria-roledescription="message"]').length > count + 1,
        before,
      );
    }
    assert.ok((await messages.count()) >= 16, 'a long conversation');
    await scrollToBottom(page);
    assert.ok((await page.evaluate(() => window.scrollY)) > 0, 'the page did scroll');
    assert.ok(await inViewport(page, page.getByRole('button', { name: 'Exit this page' })));
    await screenshot(page, 'phone-long-conversation');
    await page.close();
  });

  it('opens a long answer at its start, and shows a pressed card button as the person’s message', async () => {
    const page = await chat.browser.newPage({ viewport: PHONE });
    await page.goto(`${chat.app.url}/`);
    const workshops = chat.app.services.content.conversation.journeys.find(
      (j) => j.route === 'workshop',
    )!.label;
    const visibleButton = (name: string) =>
      page.locator('button:not(.webchat__live-region-activity__suggested-action)', { hasText: name }).first();
    await visibleButton(workshops).click();
    const choose = page.locator('.ac-pushButton').first();
    await choose.waitFor();
    await page.waitForTimeout(500);
    // The list of sessions is longer than the chat: its first message is at the top, not scrolled past.
    const transcript = await page.locator('.webchat__basic-transcript__scrollable').boundingBox();
    const replies = page.locator('.webchat__bubble:not(.webchat__bubble--from-user)');
    const pressed = page.locator('.webchat__bubble--from-user', { hasText: workshops });
    const reply = await page
      .locator('[aria-roledescription="message"]')
      .filter({ has: page.locator('.webchat__bubble:not(.webchat__bubble--from-user)') })
      .nth(2)
      .boundingBox();
    assert.ok(transcript && reply, 'the reply is shown');
    assert.ok(reply.y >= transcript.y - 1, 'the first reply starts inside the chat, not above it');
    assert.ok(reply.y < transcript.y + transcript.height / 2, 'and near its top');
    assert.equal(await pressed.count(), 1, 'the menu button shows as the person’s message');

    const title = (await choose.textContent())!.trim();
    const before = await replies.count();
    await choose.click();
    await page.locator('.webchat__bubble--from-user', { hasText: title }).waitFor();
    await page.waitForFunction(
      (count) =>
        document.querySelectorAll('.webchat__bubble:not(.webchat__bubble--from-user)').length > count,
      before,
    );
    await page.close();
  });

  it('cards read right at 320px wide (as at 400% zoom): nothing past the edge, no label broken in a word', async () => {
    const page = await chat.browser.newPage({ viewport: { width: 320, height: 700 } });
    await page.goto(`${chat.app.url}/?journey=workshop`);
    const input = page.getByRole('textbox').last();
    const say = async (text: string) => {
      await input.fill(text);
      await input.press('Enter');
    };
    await page.locator('.ac-pushButton').first().click();
    await shown(page, /How many places/);
    await say('1');
    await shown(page, /Before you book/);
    await say('yes');
    await shown(page, /name/i);
    await say('Sam Taylor');
    await shown(page, /email/i);
    await say('sam@example.org');
    await shown(page, /phone/i);
    await say('skip');
    // The confirmation is the card with the print button; its labels are bold text above each value.
    const words = chat.app.services.content.signupMessages.workshop.confirmation;
    const printButton = page.locator('.ac-pushButton', { hasText: words.print });
    await printButton.waitFor();
    await printButton.scrollIntoViewIfNeeded();
    const layout = await page.evaluate(() => {
      const transcript = document
        .querySelector('.webchat__basic-transcript__scrollable')!
        .getBoundingClientRect();
      const cards = Array.from(document.querySelectorAll('.ac-adaptiveCard')).map(
        (c) => c.getBoundingClientRect().right,
      );
      const confirmation = Array.from(document.querySelectorAll('.ac-adaptiveCard')).pop()!;
      const labels = Array.from(confirmation.querySelectorAll<HTMLElement>('.ac-textBlock')).filter(
        // Short bold blocks are the labels ("Session", "When"); the bold reference line may wrap.
        (block) =>
          Number(getComputedStyle(block).fontWeight) >= 600 && (block.textContent ?? '').length <= 24,
      );
      const titleLines = labels.map((title) => {
        const range = document.createRange();
        range.selectNodeContents(title);
        return {
          text: title.textContent,
          lines: new Set(Array.from(range.getClientRects()).map((r) => r.top)).size,
        };
      });
      return { right: transcript.right, cards, titleLines, pageWidth: document.documentElement.scrollWidth };
    });
    assert.equal(layout.pageWidth, 320, 'no sideways scrolling');
    assert.ok(layout.cards.length > 1);
    for (const right of layout.cards)
      assert.ok(right <= layout.right, `a card ends at ${right}, past ${layout.right}`);
    assert.ok(layout.titleLines.length >= 3, 'the confirmation has its facts');
    for (const title of layout.titleLines) assert.equal(title.lines, 1, `"${title.text}" is on one line`);
    await screenshot(page, 'narrow-booking-confirmation');

    // "Save or print this confirmation" prints that card in the browser: nothing is sent, and the
    // reference is in no address.
    await page.evaluate(() => {
      const marked: string[] = [];
      (window as unknown as { printed: string[] }).printed = marked;
      window.print = () => {
        marked.push(document.querySelector('.print-target')?.textContent ?? '');
      };
    });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    const bubbles = await page.locator('.webchat__bubble').count();
    await page.locator('.ac-pushButton', { hasText: words.print }).click();
    const printed = await page.evaluate(() => (window as unknown as { printed: string[] }).printed);
    assert.equal(printed.length, 1, 'the print window opened once');
    const ref = /[A-Z]{2}-[A-Z0-9]{5}-[A-Z0-9]{5}/.exec(printed[0]!)?.[0];
    assert.ok(ref, 'the printed card has the reference');
    await page.waitForTimeout(500);
    assert.equal(await page.locator('.webchat__bubble').count(), bubbles, 'nothing was sent to the bot');
    assert.ok(!requests.some((url) => url.includes(ref)), 'the reference is in no address');
    await page.emulateMedia({ media: 'print' });
    const seen = await page.evaluate(() => ({
      header: getComputedStyle(document.querySelector('.site-header')!).visibility,
      card: getComputedStyle(document.querySelector('.print-target')!).visibility,
    }));
    assert.deepEqual(seen, { header: 'hidden', card: 'visible' }, 'only the card is printed');
    await page.close();
  });

  for (const [name, viewport] of [
    ['320px wide', { width: 320, height: 700 }],
    ['200% zoom (a 1280px screen)', { width: 640, height: 400, deviceScaleFactor: 2 }],
  ] as const) {
    it(`shows the volunteering role buttons' words in full at ${name}`, async () => {
      const { deviceScaleFactor = 1, ...size } = viewport as typeof viewport & { deviceScaleFactor?: number };
      const page = await chat.browser.newPage({ viewport: size, deviceScaleFactor });
      await page.goto(`${chat.app.url}/?journey=volunteer&ward=tudor`);
      const roleButton = chat.app.services.content.signupMessages.volunteer.roleButton.split('{')[0]!.trim();
      await page.locator('.ac-pushButton', { hasText: roleButton }).first().waitFor({ timeout: 15000 });
      const buttons = await page.evaluate((words) => {
        const right = document
          .querySelector('.webchat__basic-transcript__scrollable')!
          .getBoundingClientRect().right;
        return Array.from(document.querySelectorAll<HTMLElement>('.ac-pushButton'))
          .filter((b) => (b.textContent ?? '').includes(words))
          .map((b) => {
            const label = (b.firstElementChild as HTMLElement | null) ?? b;
            return {
              text: b.textContent,
              cutSideways: label.scrollWidth > label.clientWidth + 1,
              cutBelow: label.scrollHeight > b.clientHeight + 1,
              ellipsis:
                getComputedStyle(label).textOverflow === 'ellipsis' &&
                getComputedStyle(label).whiteSpace === 'nowrap',
              pastEdge: b.getBoundingClientRect().right > right + 1,
            };
          });
      }, roleButton);
      assert.ok(buttons.length >= 3, 'the roles have their buttons');
      for (const b of buttons)
        assert.deepEqual(
          [b.cutSideways, b.cutBelow, b.ellipsis, b.pastEdge],
          [false, false, false, false],
          `"${b.text}" is shown whole`,
        );
      await screenshot(page, `volunteer-roles-${size.width}`);
      await page.close();
    });
  }

  it('has "Exit this page" on /privacy, in view at the bottom of the notice', async () => {
    const page = await chat.browser.newPage({ viewport: PHONE });
    await page.route('https://www.bbc.co.uk/**', (route) => route.fulfill({ status: 200, body: 'Weather' }));
    await page.goto(`${chat.app.url}/privacy`);
    const exit = page.getByRole('button', { name: 'Exit this page' });
    await exit.waitFor();
    await scrollToBottom(page);
    assert.ok((await page.evaluate(() => window.scrollY)) > 0, 'the notice is longer than the screen');
    assert.ok(await inViewport(page, exit));
    await exit.click({ noWaitAfter: true });
    await page.waitForURL('https://www.bbc.co.uk/weather');
    await page.close();
  });

  describe('the widget on a phone', () => {
    let host: Server;
    before(async () => {
      const filler = '<p>Our group meets every week.</p>'.repeat(80);
      host = createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(
          `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Group</title></head><body><main>${filler}</main><script src="${chat.app.url}/embed.js" defer></script></body></html>`,
        );
      });
      await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    });
    after(() => new Promise((resolve) => host.close(resolve)));

    it('opens over the whole screen with "Exit this page" in view, even on a scrolled page', async () => {
      const page = await chat.browser.newPage({ viewport: PHONE });
      await page.goto(`http://localhost:${(host.address() as AddressInfo).port}/`);
      await scrollToBottom(page);
      await page.getByRole('button', { name: 'Chat with Safer Kingston' }).click();
      const exit = page.getByRole('button', { name: 'Exit this page' });
      assert.ok(await inViewport(page, exit));
      assert.ok(await inViewport(page, page.getByRole('button', { name: 'Close the chat' })));
      const frameBox = await page.locator('iframe.skw-frame').boundingBox();
      assert.ok(frameBox && frameBox.height > PHONE.height * 0.7, 'the chat takes most of the screen');
      await page.close();
    });
  });
});
