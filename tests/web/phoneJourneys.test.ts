// Journeys from the walk-through, on a 390x844 phone in headless Chromium: typing "cancel" at
// "cancel it, move it, or keep it" cancels the booking; a ward link opens that ward's roles; a
// postcode is accepted at the ward question.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { BookingService } from '../../src/signups/bookingService.js';
import { useAppInChromium } from '../support/chromium.js';
import { clickButton, screenshot, shown } from '../support/browser.js';

const PHONE = { width: 390, height: 844 };

async function say(page: Page, text: string): Promise<void> {
  const input = page.getByRole('textbox').last();
  await input.fill(text);
  await input.press('Enter');
}

describe('walk-through journeys on a phone', function () {
  this.timeout(90000);
  const chat = useAppInChromium();

  it('cancels a booking when "cancel" is typed at "cancel it, move it, or keep it"', async () => {
    const { services } = chat.app;
    const bookings = new BookingService(services.store.records, services.content.workshops, services.now);
    const [first] = await bookings.upcoming();
    assert.ok(first, 'an upcoming session in knowledge/workshops.yaml');
    const made = await bookings.book({
      sessionId: first.session.id,
      seats: 1,
      attendee: { name: 'Sam Walker', email: 'sam.walker@example.org' },
      submissionKey: 'browser-cancel',
      waitingListOk: false,
    });
    assert.equal(made.outcome, 'booked');
    const ref = made.outcome === 'booked' ? made.ref : '';

    const page = await chat.browser.newPage({ viewport: PHONE });
    await page.goto(`${chat.app.url}/chat`);
    await page.getByRole('textbox').last().waitFor({ timeout: 20000 });
    await say(page, `manage my workshop booking ${ref}`);
    await shown(page, /email address did you book with/);
    await say(page, 'sam.walker@example.org');
    await shown(page, /cancel it, move it to another session, or keep it/);
    await say(page, 'cancel');
    await shown(page, /Are you sure you want to cancel/);
    await clickButton(page, 'Yes');
    await shown(page, new RegExp(`Booking ${ref} is cancelled`));
    await screenshot(page, 'phone-cancel-typed');
    assert.equal(await bookings.find(ref, 'sam.walker@example.org'), undefined);
    await page.close();
  });

  it("opens the ward's roles from a volunteering link", async () => {
    const page = await chat.browser.newPage({ viewport: PHONE });
    await page.goto(`${chat.app.url}/chat?journey=volunteer&ward=tudor&source=POSTER-1`);
    await shown(page, /how you can help in Tudor/, 20000);
    await shown(page, /I.m interested in Police Ward Panel member/);
    await page.close();
  });

  it('accepts a postcode at the ward question', async () => {
    const page = await chat.browser.newPage({ viewport: PHONE });
    await page.goto(`${chat.app.url}/chat?journey=volunteer`);
    await shown(page, /Which ward or area of Kingston/, 20000);
    await say(page, 'kt67dg');
    await shown(page, /Postcodes starting KT6 7/);
    await clickButton(page, 'Tolworth');
    await shown(page, /how you can help in Tolworth/);
    await screenshot(page, 'phone-postcode');
    await page.close();
  });
});
