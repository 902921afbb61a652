import assert from 'node:assert/strict';
import { allText, buttonsOf, startTestBot, type TestBot } from '../support/botHarness.js';
import { useInstantJourney } from '../support/instantJourney.js';

describe('handoff: asking for a person', () => {
  let bot: TestBot;
  beforeEach(async () => {
    // A Wednesday morning in London, so the desk's hours are open.
    bot = await startTestBot({ services: { now: () => new Date('2026-12-02T11:00:00Z') } });
  });
  afterEach(() => bot.close());

  for (const text of [
    'can I talk to a real person',
    'is anyone there',
    'agent',
    'I want to speak to someone at the council',
  ]) {
    it(`"${text}" is the human route`, () => {
      assert.equal(bot.services.recogniser.recognise(text).route, 'human');
    });
  }

  it('with no desk set up, says so and gives a phone line instead of asking', async () => {
    const reply = allText(await bot.say('can I talk to a real person'));
    assert.match(reply, /Nobody can chat online/);
    assert.match(reply, /020 8547 5000/);
  });

  it('"I need to talk to someone, I can\'t go on" gets the crisis reply, not the hand-off', async () => {
    const reply = await bot.say("I need to talk to someone, I can't go on");
    assert.match(String(reply[0].text), /999/);
    assert.doesNotMatch(allText(reply), /Nobody can chat|ask someone from the Safer Kingston team/);
  });

  it('offers a person after two unanswered messages in a row, not after one', async () => {
    const first = await bot.say('who will win the darts tonight');
    assert.ok(!buttonsOf(first).includes('Talk to a person'));
    const second = await bot.say('what time does the tip open on sundays');
    assert.ok(buttonsOf(second).includes('Talk to a person'));
    assert.match(allText(second), /talk to someone from the Safer Kingston team/);
  });
});

describe('handoff: offered when feedback says it did not help', () => {
  useInstantJourney('privacy');
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot();
  });
  afterEach(() => bot.close());

  it('a "no" to "Did this help?" ends with the offer of a person; a "yes" does not', async () => {
    await bot.say({ text: '', value: { journey: 'privacy' } });
    await bot.say('no');
    const afterComment = await bot.say('Skip');
    assert.ok(buttonsOf(afterComment).includes('Talk to a person'));
    await bot.say({ text: '', value: { journey: 'privacy' } });
    assert.ok(!buttonsOf(await bot.say('yes')).includes('Talk to a person'));
  });
});
