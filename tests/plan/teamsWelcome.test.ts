import assert from 'node:assert/strict';
import { allText, buttonsOf, startTestBot, type TestBot } from '../support/botHarness.js';

describe('Microsoft Teams: professional journeys first', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot({ channelId: 'msteams' });
  });
  afterEach(() => bot.close());

  const labelOf = (route: string) =>
    bot.services.content.conversation.journeys.find((j) => j.route === route)?.label ?? route;

  it('welcomes professionals and leads the menu with the plan, workshops, reporting and referral', async () => {
    const replies = await bot.join();
    const text = allText(replies);
    assert.match(text, /partner agencies and professionals/);
    assert.match(text, /\b999\b/);
    const buttons = buttonsOf(replies);
    assert.deepEqual(buttons.slice(0, 4), ['themes', 'workshop', 'report', 'support'].map(labelOf));
    assert.equal(buttons.length, bot.services.content.conversation.journeys.length, 'no journey is lost');
  });

  it('keeps that order when the menu is offered again', async () => {
    const greeting = await bot.say('hello');
    assert.equal(buttonsOf(greeting)[0], labelOf('themes'));
    const help = await bot.say('help');
    assert.equal(buttonsOf(help)[0], labelOf('themes'));
  });

  it('answers plan questions as Adaptive Cards 1.5 with the source line', async () => {
    const replies = await bot.say('What does the plan say about the Serious Violence Duty?');
    const attachment = replies.flatMap((r) => r.attachments ?? [])[0];
    assert.equal(attachment?.contentType, 'application/vnd.microsoft.card.adaptive');
    assert.equal((attachment?.content as { version: string }).version, '1.5');
    assert.match(
      allText(replies),
      /Safer Kingston Partnership Plan 2024-2029, section "Serious Violence Duty"/,
    );
  });
});

describe('web chat keeps the residents’ welcome and order', () => {
  it('does not change the welcome outside Teams', async () => {
    const bot = await startTestBot({ channelId: 'webchat' });
    try {
      const replies = await bot.join();
      assert.doesNotMatch(allText(replies), /partner agencies and professionals/);
      assert.deepEqual(
        buttonsOf(replies),
        bot.services.content.conversation.journeys.map((j) => j.label),
      );
    } finally {
      await bot.close();
    }
  });
});
