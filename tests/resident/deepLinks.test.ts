import assert from 'node:assert/strict';
import { DialogTestClient } from 'botbuilder-testing';
import { UnderstandingMiddleware } from '../../src/bot/understandingMiddleware.js';
import { ReportDialog } from '../../dialogs/reportDialog.js';
import { SupportDialog } from '../../dialogs/supportDialog.js';
import type { JourneyOptions } from '../../dialogs/journeyOptions.js';
import type { Dialog } from 'botbuilder-dialogs';
import { allText, startTestBot, type TestBot } from '../support/botHarness.js';

describe('resident journeys opened by a deep link', () => {
  let harness: TestBot;
  beforeEach(async () => {
    harness = await startTestBot();
  });
  afterEach(() => harness.close());

  const open = async (dialog: Dialog, options: JourneyOptions) => {
    const { recogniser, content } = harness.services;
    const client = new DialogTestClient('test', dialog, options, [
      new UnderstandingMiddleware(recogniser, content.conversation),
    ]);
    const replies = [await client.sendActivity('hi')];
    for (let r = client.getNextReply(); r; r = client.getNextReply()) replies.push(r);
    return allText(replies);
  };

  it('shows a named report route straight away', async () => {
    const text = await open(new ReportDialog(harness.services), { start: { route: 'fraud' } });
    assert.match(text, /Report fraud or a scam[\s\S]*0300 123 2040/);
  });

  it('ignores a route that does not exist and asks the first question', async () => {
    const text = await open(new ReportDialog(harness.services), { start: { route: 'delete-all' } });
    assert.match(text, /What would you like to report\?/);
  });

  it('shows support for a named topic and group straight away, and asks when the group is unknown', async () => {
    const direct = await open(new SupportDialog(harness.services), {
      start: { topic: 'hate-crime', audience: 'lgbt' },
    });
    assert.match(direct, /Galop/);
    const asked = await open(new SupportDialog(harness.services), {
      start: { topic: 'hate-crime', audience: 'martians' },
    });
    assert.match(asked, /Who is the support for\?/);
  });
});
