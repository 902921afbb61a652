import assert from 'node:assert/strict';
import { isoWeek } from '../../src/insights/isoWeek.js';
import type { Recogniser } from '../../src/understanding/types.js';
import { TRACE_NAME } from '../../src/bot/understandingTrace.js';
import { allText, buttonsOf, startTestBot, type TestBot } from '../support/botHarness.js';

/** Unsure between reporting, support and bystander help. */
const unsure: Recogniser = {
  recognise: () => ({
    route: 'report',
    score: 0.38,
    alternatives: [
      { route: 'support', score: 0.3 },
      { route: 'bystander', score: 0.2 },
      { route: 'themes', score: 0.04 },
    ],
  }),
};

describe('understanding in the bot', () => {
  let bot: TestBot;
  afterEach(() => bot.close());

  it('sends the emulator a trace of what each message was understood as', async () => {
    bot = await startTestBot({ channelId: 'emulator' });
    bot.adapter.enableTrace = true; // the test adapter drops traces unless asked to keep them
    const replies = await bot.say('how do I join neighbourhood watch');
    const traces = replies.filter((a) => a.type === 'trace');
    assert.equal(traces.length, 1);
    assert.equal(traces[0].name, TRACE_NAME);
    const value = traces[0].value as { route: string; score: number; alternatives: unknown[] };
    assert.equal(value.route, 'volunteer');
    assert.ok(value.score > 0 && value.score <= 1);
    assert.ok(Array.isArray(value.alternatives) && value.alternatives.length > 0);
    assert.deepEqual(Object.keys(value).sort(), ['alternatives', 'route', 'score']);
  });

  for (const channelId of ['test', 'msteams', 'directline', 'webchat'])
    it(`never sends the trace on the ${channelId} channel`, async () => {
      bot = await startTestBot({ channelId });
      bot.adapter.enableTrace = true;
      const replies = await bot.say('how do I join neighbourhood watch');
      assert.equal(replies.filter((a) => a.type === 'trace').length, 0);
    });

  it('gives the recogniser the journey the person is in', async () => {
    const seen: (string | undefined)[] = [];
    const spy: Recogniser = {
      recognise: (_text, context) => {
        seen.push(context?.activeJourney);
        return { route: 'greeting', score: 0.9, alternatives: [] };
      },
    };
    bot = await startTestBot({ services: { recogniser: spy } });
    await bot.say('hello');
    await bot.say({ text: '', value: { journey: 'themes' } });
    await bot.say('what are the priorities');
    assert.deepEqual(seen, [undefined, 'themes']); // the card press is understood without the recogniser
  });

  it('asks "Did you mean ...?" with the top routes as buttons when unsure, instead of guessing', async () => {
    bot = await startTestBot({ services: { recogniser: unsure } });
    const replies = await bot.say('the thing about that stuff near the station');
    assert.match(allText(replies), /Did you mean/);
    const { conversation } = bot.services.content;
    const label = (route: string) => conversation.journeys.find((j) => j.route === route)?.label;
    assert.deepEqual(buttonsOf(replies), [label('report'), label('support'), label('bystander')]);
  });

  it('opens the journey a "Did you mean" button names', async () => {
    bot = await startTestBot({ services: { recogniser: unsure } });
    await bot.say('the thing about that stuff near the station');
    const label = bot.services.content.conversation.journeys.find((j) => j.route === 'support')?.label ?? '';
    const replies = await bot.say(label);
    assert.doesNotMatch(allText(replies), /Did you mean/);
    const [week] = await bot.services.insights.weeks([isoWeek(new Date())]);
    assert.equal(week.counts['journey_started|support|test|-'], 1);
  });

  it('records the unanswered question for staff without emails, phone numbers or postcodes', async () => {
    bot = await startTestBot({ services: { recogniser: unsure } });
    await bot.say('thing near KT6 7QT, ring me on 07700 900123 or mail sam@example.com');
    const [week] = await bot.services.insights.weeks([isoWeek(new Date())]);
    const kept = JSON.stringify(week.questions);
    assert.match(kept, /thing near/);
    assert.doesNotMatch(kept, /KT6|07700|example\.com/);
    assert.equal(week.counts['unanswered|low_confidence'], 1);
  });

  it('answers a confident message directly, without asking', async () => {
    bot = await startTestBot();
    const replies = await bot.say('hello there');
    assert.doesNotMatch(allText(replies), /Did you mean/);
  });
});
