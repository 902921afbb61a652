import assert from 'node:assert/strict';
import { isoWeek } from '../../src/insights/isoWeek.js';
import { allText, buttonsOf, startTestBot, type TestBot } from '../support/botHarness.js';
import { useInstantJourney } from '../support/instantJourney.js';

/** A journey that reaches its goal at once, standing in for any real journey. */
describe('feedback at the end of a journey', () => {
  useInstantJourney('privacy');
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot();
  });
  afterEach(() => bot.close());

  const week = async () => (await bot.services.insights.weeks([isoWeek(new Date())]))[0];
  const openJourney = () => bot.say({ text: '', value: { journey: 'privacy' } });

  it('asks "Did this help?" and counts a yes', async () => {
    const replies = await openJourney();
    assert.match(allText(replies), /Did this help\?/);
    assert.deepEqual(buttonsOf(replies), ['Yes', 'No']);
    const thanks = await bot.say('yeah it did');
    assert.match(allText(thanks), /Thank you[\s\S]*What would you like to do\?/);
    const menu = bot.services.content.conversation.journeys.map((j) => j.label);
    assert.deepEqual(buttonsOf(thanks), menu, 'it ends with the menu, not a dead stop');
    const counts = (await week()).counts;
    assert.equal(counts['journey_completed|privacy|test|-'], 1);
    assert.equal(counts['feedback|privacy|helpful'], 1);
  });

  it('takes an optional comment after a no, and keeps it without personal data', async () => {
    await openJourney();
    assert.match(allText(await bot.say('no')), /What were you looking for/);
    assert.match(
      allText(await bot.say('times of the Tolworth panel, email me at jo@example.org')),
      /Thank you/,
    );
    const w = await week();
    assert.equal(w.counts['feedback|privacy|not_helpful'], 1);
    assert.equal(w.comments.length, 1);
    assert.match(w.comments[0].text, /Tolworth panel/);
    assert.doesNotMatch(w.comments[0].text, /example\.org/);
  });

  it('lets the person skip the comment', async () => {
    await openJourney();
    await bot.say('No');
    const skipped = await bot.say('Skip');
    assert.match(allText(skipped), /Thank you/);
    assert.ok(buttonsOf(skipped).length > 0, 'the menu follows');
    assert.equal((await week()).comments.length, 0);
  });

  it('answers a new question instead of trapping the person in the feedback question', async () => {
    await openJourney();
    const replies = await bot.say('help');
    assert.match(allText(replies), /in your own words/);
    assert.equal((await week()).counts['feedback|privacy|helpful'], undefined);
    // And the conversation is back at the top: a greeting gets the welcome.
    assert.match(allText(await bot.say('hello')), /Safer Kingston helper/);
  });

  it('passes an unrelated message on to be routed', async () => {
    await openJourney();
    const replies = await bot.say('bye');
    assert.match(allText(replies), /Stay safe/);
  });

  it('passes a card button or form on instead of taking it as an answer', async () => {
    await openJourney();
    const replies = await bot.say({ text: '', value: { journey: 'privacy' } });
    assert.match(allText(replies), /Here is what you asked for/);
    assert.equal((await week()).counts['feedback|privacy|helpful'], undefined);
  });
});
