// The chat page in headless Chromium talking to a member of staff on a stand-in Teams desk: the
// resident asks for a person, staff accept and reply, the reply appears in the page over the
// local Direct Line's WebSocket, the resident ends it and the bot answers again.
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { postActivity, startTestApp, type TestApp } from '../support/appHarness.js';
import { clickButton, shown } from '../support/browser.js';
import { launchChromium } from '../support/chromium.js';
import { deskActivity, startStandInChannel } from './standInChannel.js';

const TEAM = '19:team-desk@thread.tacv2';
const DESK = '19:desk-channel@thread.tacv2';
// A Wednesday morning in London: the desk is open.
const OPEN = new Date('2026-12-02T11:00:00Z');

describe('handoff: the chat page with a person on the desk, in Chromium', function () {
  this.timeout(60000);
  let app: TestApp;
  let browser: Browser;
  let channel: Awaited<ReturnType<typeof startStandInChannel>>;

  before(async () => {
    channel = await startStandInChannel();
    app = await startTestApp({ HANDOFF_TEAM_ID: TEAM }, { now: () => OPEN });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
    await channel?.close();
  });

  let n = 0;
  const staff = async (text: string, conversationId = DESK, value?: unknown) => {
    const res = await postActivity(
      app.url,
      deskActivity({
        id: `s-${++n}`,
        text,
        value,
        serviceUrl: channel.url,
        conversationId,
        team: TEAM,
        desk: DESK,
      }),
    );
    assert.ok(res.status < 300);
  };

  it('a resident asks for a person, staff accept and reply, the resident ends it and is back with the bot', async () => {
    const words = app.services.content.handoff.resident;
    await staff('set desk');
    await staff('my name is Sam, Community Safety Team');
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${app.url}/`);
    await shown(page, app.services.content.conversation.welcome[0] as string, 15000);
    const input = page.getByRole('textbox').last();
    await input.fill('can I talk to a real person');
    await input.press('Enter');
    await shown(page, /They will see which page you came from/);
    await clickButton(page, words.yes);
    await shown(page, /Please wait here/);

    const deadline = Date.now() + 10000;
    while (!channel.posted.some((p) => p.body.attachments?.length) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    const card = channel.posted.find((p) => p.body.attachments?.length);
    assert.ok(card, 'the card reached the desk');
    const thread = `${DESK};messageid=${card.id}`;
    const data = (card.body.attachments![0].content as { actions: { data: unknown }[] }).actions[0].data;
    await staff('', thread, data);
    await shown(page, /Sam from the Community Safety Team is here/);

    await input.fill('someone keeps parking across my drive');
    await input.press('Enter');
    const relayDeadline = Date.now() + 10000;
    while (
      !channel.to(thread).some((p) => /parking across my drive/.test(p.body.text ?? '')) &&
      Date.now() < relayDeadline
    )
      await new Promise((resolve) => setTimeout(resolve, 20));
    assert.ok(
      channel
        .to(thread)
        .some((p) => /Resident: someone keeps parking across my drive/.test(p.body.text ?? '')),
    );

    await staff('Hello, I am here to help. What happened?', thread);
    await shown(page, /Sam: Hello, I am here to help\. What happened\?/);
    await clickButton(page, words.end);
    await shown(page, /You've ended the chat with the team|You.ve ended the chat with the team/);
    await input.fill('help');
    await input.press('Enter');
    await shown(page, app.services.content.conversation.help[0] as string);
    await page.close();
  });
});
