// botbuilder-dialogs' memory-scope configuration is built on the first turn and shared by later ones.
import assert from 'node:assert/strict';
import { DIALOG_STATE_CONFIGURATION_KEY } from '../../src/bot/sharedDialogMemory.js';
import { allText, startTestBot, type TestBot } from '../support/botHarness.js';

describe('shared dialog memory configuration', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot();
  });
  afterEach(() => bot.close());

  it('gives every turn the configuration the first turn built, and the dialogs still work', async () => {
    const seen: unknown[] = [];
    bot.adapter.use({
      onTurn: async (context, next) => {
        await next();
        seen.push(context.turnState.get(DIALOG_STATE_CONFIGURATION_KEY));
      },
    });
    await bot.join();
    assert.match(allText(await bot.say('help')), /own words/);
    const reply = await bot.say('I want to volunteer');
    assert.ok(reply.length > 0, 'the volunteering journey answers');
    assert.match(allText(await bot.say('cancel')), /./);
    const built = seen.filter((c) => c !== undefined);
    assert.ok(built.length >= 3, 'turns that ran a dialog have a configuration');
    assert.ok(
      built.every((c) => c === built[0]),
      'every turn shares the first one',
    );
    const configuration = built[0] as { memoryScopes: unknown[] };
    assert.ok(configuration.memoryScopes.length >= 9, 'it holds the SDK memory scopes');
  });
});
