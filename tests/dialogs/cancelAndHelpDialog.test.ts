import assert from 'node:assert/strict';
import { DialogTurnStatus, TextPrompt, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import { UnderstandingMiddleware } from '../../src/bot/understandingMiddleware.js';
import { CancelAndHelpDialog } from '../../dialogs/cancelAndHelpDialog.js';
import { startTestBot, textOf, type TestBot } from '../support/botHarness.js';
import type { BotServices } from '../../src/bot/services.js';

/** A one-question journey, to exercise the interruptions every journey inherits. */
class FavouriteColourDialog extends CancelAndHelpDialog {
  constructor(services: BotServices) {
    super('colour', services);
    this.addDialog(new TextPrompt('colour-prompt'));
    this.addDialog(
      new WaterfallDialog('colour-steps', [
        (step: WaterfallStepContext) => step.prompt('colour-prompt', 'What is your favourite colour?'),
        async (step: WaterfallStepContext) => {
          await step.context.sendActivity(`Noted: ${String(step.result)}`);
          return step.endDialog({ completed: true });
        },
      ]),
    );
    this.initialDialogId = 'colour-steps';
  }
}

describe('help, cancel and start over at a prompt', () => {
  let harness: TestBot;
  let client: DialogTestClient;
  beforeEach(async () => {
    harness = await startTestBot();
    const { recogniser, content } = harness.services;
    client = new DialogTestClient('test', new FavouriteColourDialog(harness.services), undefined, [
      new UnderstandingMiddleware(recogniser, content.conversation),
    ]);
  });
  afterEach(() => harness.close());

  it('answers help, keeps the place, and asks the same question again', async () => {
    assert.equal((await client.sendActivity('hi')).text, 'What is your favourite colour?');
    const help = await client.sendActivity('help');
    assert.match(textOf(help), /in your own words/);
    assert.equal(client.getNextReply().text, 'What is your favourite colour?');
    assert.equal(client.dialogTurnResult.status, DialogTurnStatus.waiting);
    assert.equal((await client.sendActivity('green')).text, 'Noted: green');
    assert.equal(client.dialogTurnResult.status, DialogTurnStatus.complete);
  });

  for (const phrase of ['cancel', 'start over', 'Stop']) {
    it(`ends the journey on "${phrase}" and offers the menu`, async () => {
      await client.sendActivity('hi');
      const reply = await client.sendActivity(phrase);
      assert.match(textOf(reply), /I've stopped that/);
      assert.ok((reply.suggestedActions?.actions.length ?? 0) > 0);
      // The journey is over, and it did not complete: it reports no result.
      assert.equal(client.dialogTurnResult.status, DialogTurnStatus.complete);
      assert.equal(client.dialogTurnResult.result, undefined);
      assert.equal((await client.sendActivity('green')).text, 'What is your favourite colour?');
    });
  }

  it('treats an ordinary answer as the answer, not as a command', async () => {
    await client.sendActivity('hi');
    assert.equal((await client.sendActivity('red, I think')).text, 'Noted: red, I think');
  });
});
