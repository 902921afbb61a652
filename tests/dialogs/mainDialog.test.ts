import assert from 'node:assert/strict';
import { isoWeek } from '../../src/insights/isoWeek.js';
import { allText, buttonsOf, startTestBot, type TestBot } from '../support/botHarness.js';

describe('main dialog', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot();
  });
  afterEach(() => bot.close());

  it('welcomes a new person with what it can do, the emergency number and the journeys as buttons', async () => {
    const replies = await bot.join();
    const text = allText(replies);
    assert.match(text, /Safer Kingston/);
    assert.match(text, /\b999\b/);
    const labels = bot.services.content.conversation.journeys.map((j) => j.label);
    assert.deepEqual(buttonsOf(replies), labels);
  });

  it('does not welcome the bot itself when only the bot joins', async () => {
    const replies = await bot.say({ type: 'conversationUpdate', membersAdded: [{ id: 'bot', name: 'bot' }] });
    assert.equal(replies.length, 0);
  });

  it('says honestly that a journey still to be built is coming, and offers the menu again', async () => {
    const { conversation } = bot.services.content;
    const unbuilt = conversation.journeys.filter(
      (j) => bot.bot.mainDialog.findDialog(j.route)?.constructor.name === 'ComingSoonDialog',
    );
    for (const journey of unbuilt) {
      const replies = await bot.say(journey.label);
      assert.match(allText(replies), /isn't ready yet/, `${journey.route} should say it is coming`);
      assert.ok(buttonsOf(replies).length > 0);
    }
  });

  it('answers help, greeting and goodbye outside any journey', async () => {
    assert.match(allText(await bot.say('help')), /in your own words/);
    assert.match(allText(await bot.say('hello')), /Safer Kingston helper/);
    assert.match(allText(await bot.say('bye')), /Stay safe/);
  });

  it('accepts a journey chosen through a card value, but ignores a forged one', async () => {
    const chosen = await bot.say({ text: '', value: { journey: 'themes' } });
    assert.ok(allText(chosen).length > 0);
    const forged = await bot.say({ text: '', value: { journey: 'delete-everything' } });
    assert.doesNotMatch(allText(forged), /error/i);
    assert.ok(buttonsOf(forged).length > 0, 'an unknown value gets the menu, not a crash');
  });

  it('counts conversations and journeys started for the staff insights, without personal data', async () => {
    await bot.join();
    await bot.say(bot.services.content.conversation.journeys[0].label);
    const [week] = await bot.services.insights.weeks([isoWeek(new Date())]);
    assert.equal(week.counts['conversation_started|test|-'], 1);
    const route = bot.services.content.conversation.journeys[0].route;
    assert.equal(week.counts[`journey_started|${route}|test|-`], 1);
  });
});
