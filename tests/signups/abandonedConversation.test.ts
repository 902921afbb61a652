// What someone types into a journey they leave half-way is kept in the conversation's state. The
// retention job deletes that state after a day with no message, so nothing of them stays on disk.
import assert from 'node:assert/strict';
import path from 'node:path';
import { INTERESTS_COLLECTION } from '../../src/signups/interestService.js';
import { purgeSignups } from '../../src/signups/retention.js';
import { CONVERSATION_IDLE_HOURS } from '../../src/store/stateExpiry.js';
import { startTestBot, type TestBot } from '../support/botHarness.js';
import { filesContaining } from '../support/dataFiles.js';

const NAME = 'Ottoline Wren';
const EMAIL = 'ottoline.w@example.org';
const HOUR = 3600 * 1000;

describe('retention: a conversation left half-way', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot();
  });
  afterEach(() => bot.close());

  it('keeps what was typed for a day at most', async () => {
    const { store, content } = bot.services;
    // Someone starts to volunteer, gives their name and email, and leaves before the last question.
    await bot.say('I want to volunteer');
    await bot.say('new malden village');
    await bot.say('the ward panel one');
    await bot.say('yes');
    await bot.say(NAME);
    await bot.say(EMAIL);
    const inState = (await filesContaining(bot.dataDir, EMAIL)).filter((f) =>
      f.includes(`${path.sep}state${path.sep}`),
    );
    assert.ok(inState.length > 0, 'the conversation state holds the email while the journey waits');
    assert.deepEqual(await store.records.list(INTERESTS_COLLECTION), [], 'nothing is recorded yet');

    const at = (hours: number) => () => new Date(Date.now() + hours * HOUR);
    const early = await purgeSignups(store, content, at(CONVERSATION_IDLE_HOURS - 1), 90);
    assert.equal(early.stateItems, 0);
    assert.notDeepEqual(await filesContaining(bot.dataDir, EMAIL), []);

    const late = await purgeSignups(store, content, at(CONVERSATION_IDLE_HOURS + 1), 90);
    assert.ok(late.stateItems >= 1);
    assert.deepEqual(await filesContaining(bot.dataDir, EMAIL), []);
    assert.deepEqual(await filesContaining(bot.dataDir, NAME), []);
  });
});
