// The booking confirmation's calendar: a file attached in the chat, and a link to the service's own
// /calendar address, which Microsoft Teams needs because it cannot open an attached file.
import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { loadContent } from '../../src/content/content.js';
import { confirmationMessage } from '../../src/signups/workshopCards.js';
import { startTestApp, type TestApp } from '../support/appHarness.js';
import { testCatalogue } from './support.js';

const PUBLIC = 'https://helper.example.gov.uk';

async function confirmation(channelId: string, publicUrl?: string): Promise<Partial<Activity>> {
  const content = await loadContent();
  const session = testCatalogue().all[0];
  return confirmationMessage(
    { ref: 'HC-AAAAA-BBBBB', session, seats: 1, kind: 'booked', publicUrl },
    content.signupMessages.workshop,
    channelId,
  );
}

const calendarFileOf = (m: Partial<Activity>) =>
  (m.attachments ?? []).find((a) => a.contentType === 'text/calendar');
const cardOf = (m: Partial<Activity>) =>
  (m.attachments ?? []).find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content as {
    actions?: { type: string; url: string; title: string }[];
    body: { text?: string }[];
  };

describe('workshop booking: the calendar', () => {
  it('in Teams, links to the session calendar on the public address instead of attaching a file', async () => {
    const content = await loadContent();
    const words = content.signupMessages.workshop.confirmation;
    const message = await confirmation('msteams', PUBLIC);
    assert.equal(calendarFileOf(message), undefined, 'no data: file, which Teams cannot open');
    const card = cardOf(message);
    const session = testCatalogue().all[0];
    assert.deepEqual(card.actions, [
      { type: 'Action.OpenUrl', title: words.addToCalendar, url: `${PUBLIC}/calendar/${session.id}.ics` },
    ]);
    assert.ok(card.body.some((b) => b.text === words.calendarLink));
  });

  it('in the web chat, attaches the file and offers the link too', async () => {
    const message = await confirmation('directline', PUBLIC);
    assert.match(calendarFileOf(message)?.contentUrl ?? '', /^data:text\/calendar;base64,/);
    // The web chat page also prints the confirmation itself (see tests/web/phoneLayout.test.ts).
    assert.deepEqual(
      cardOf(message).actions?.map((a) => a.type),
      ['Action.OpenUrl', 'Action.Submit'],
    );
  });

  it('with no public address (running locally), attaches the file everywhere and offers no link', async () => {
    for (const channel of ['msteams', 'directline']) {
      const message = await confirmation(channel);
      assert.ok(calendarFileOf(message), channel);
      const links = (cardOf(message).actions ?? []).filter((a) => a.type === 'Action.OpenUrl');
      assert.deepEqual(links, [], channel);
    }
  });

  describe('GET /calendar/<session>.ics', () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp();
    });
    after(() => app.stop());

    it('serves a session from the content as a calendar file, naming no booking', async () => {
      const session = app.services.content.workshops.all[0];
      const res = await fetch(`${app.url}/calendar/${session.id}.ics`);
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /^text\/calendar/);
      assert.match(res.headers.get('content-disposition') ?? '', /attachment; filename="[a-z0-9-]+\.ics"/);
      const body = await res.text();
      assert.match(body, /BEGIN:VCALENDAR/);
      // iCalendar escapes commas and semicolons in text.
      assert.ok(body.includes(`SUMMARY:${session.title.replace(/[,;]/g, (c) => `\\${c}`)}`));
      assert.doesNotMatch(body, /reference/i);
    });

    it('answers 404 for a session that does not exist, or a name that is not a session file', async () => {
      for (const file of ['no-such-session.ics', 'x.txt', '..%2F..%2Fpackage.json', '%00.ics']) {
        const res = await fetch(`${app.url}/calendar/${file}`);
        assert.equal(res.status, 404, file);
        assert.match(await res.text(), /no longer listed/, file);
      }
    });
  });
});
