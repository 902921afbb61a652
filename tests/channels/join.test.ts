// The web page's join event: a valid journey opens after a short welcome, an unknown one falls back
// to the welcome, forged values are refused, and the source code travels with the insights.
import assert from 'node:assert/strict';
import { ActivityTypes } from 'botbuilder';
import sinon from 'sinon';
import { JOIN_EVENT, parseStart, startLink, WEB_PAGE_USER_PREFIX } from '../../src/channels/startLinks.js';
import type { Content } from '../../src/content/content.js';
import { isoWeek } from '../../src/insights/isoWeek.js';
import { allText, buttonsOf, startTestBot, type TestBot } from '../support/botHarness.js';

const USER = `${WEB_PAGE_USER_PREFIX}test1`;

async function counts(bot: TestBot): Promise<Record<string, number>> {
  const weeks = await bot.services.insights.weeks([isoWeek(bot.services.now())]);
  return weeks[0]?.counts ?? {};
}

const join = (bot: TestBot, value: unknown) =>
  bot.say({ type: ActivityTypes.Event, name: JOIN_EVENT, value });

describe('the join event from the web page', () => {
  let bot: TestBot;
  let open: sinon.SinonSpy;
  beforeEach(async () => {
    bot = await startTestBot({ userId: USER });
    open = sinon.spy(bot.bot.mainDialog, 'openJourney');
  });
  afterEach(async () => {
    sinon.restore();
    await bot.close();
  });

  it('is the only welcome: conversationUpdate from the chat page says nothing', async () => {
    assert.deepEqual(await bot.join(), []);
    const replies = await join(bot, {});
    const words = bot.services.content.conversation;
    assert.match(allText(replies), new RegExp(words.welcome[0]!.slice(0, 30)));
    assert.ok(buttonsOf(replies).includes(words.journeys[0]!.label), 'the menu is offered');
    assert.equal(open.callCount, 0);
  });

  it('opens the linked journey with its checked options after the short welcome, with the source', async () => {
    const topic = bot.services.content.plan.topics[0]!;
    const replies = await join(bot, { journey: 'themes', topic: topic.id, source: 'KREC-1' });
    assert.equal(open.callCount, 1);
    assert.equal(open.firstCall.args[2], 'themes');
    assert.deepEqual(open.firstCall.args[3], { start: { topic: topic.id } });
    const words = bot.services.content.conversation;
    assert.match(allText(replies), new RegExp(words.welcome[0]!.slice(0, 30)));
    assert.ok(!buttonsOf(replies).includes(words.journeys[0]!.label), 'no menu before the journey');
    assert.ok(
      replies.some((a) => (a.attachments ?? []).length > 0),
      'the plan journey answered with its topic card',
    );
    const seen = await counts(bot);
    assert.equal(seen['conversation_started|test|KREC-1'], 1);
    assert.equal(seen['journey_started|themes|test|KREC-1'], 1);

    // Later journeys in the same conversation carry the source too.
    await bot.say('cancel');
    await bot.say('I want to volunteer');
    assert.equal((await counts(bot))['journey_started|volunteer|test|KREC-1'], 1);
  });

  it('opens a workshop session from a link (session id from knowledge/workshops.yaml)', async () => {
    const session = bot.services.content.workshops.upcoming(bot.services.now())[0]!;
    const replies = await join(bot, { journey: 'workshop', session: session.id, source: 'POSTER-7' });
    assert.deepEqual(open.firstCall.args[3], { start: { sessionId: session.id } });
    // The journey goes straight to booking that session: it names it, then asks how many places.
    const text = allText(replies);
    assert.match(text, new RegExp(`from 1 to ${session.maxSeatsPerBooking}`));
    const named = text.indexOf(`You are booking: ${session.title}`);
    assert.ok(named >= 0 && named < text.search(/from 1 to/), 'the session is named before the question');
    assert.equal((await counts(bot))['journey_started|workshop|test|POSTER-7'], 1);
  });

  it('opens the roles of the ward a volunteering link names (here by its name)', async () => {
    const replies = allText(await join(bot, { journey: 'volunteer', ward: 'Canbury Gardens' }));
    assert.match(replies, /how you can help in Canbury Gardens/);
    assert.doesNotMatch(replies, /Which ward or area/);
  });

  it('falls back to the welcome and menu for an unknown journey', async () => {
    const replies = await join(bot, { journey: 'admin', source: 'KREC' });
    assert.equal(open.callCount, 0);
    const words = bot.services.content.conversation;
    assert.ok(buttonsOf(replies).includes(words.journeys[0]!.label));
    assert.equal((await counts(bot))['conversation_started|test|KREC'], 1);
  });

  it('refuses forged values: options not on the allowlist, a bad source, a value that is not flat', async () => {
    await join(bot, {
      journey: 'workshop',
      session: '../../etc/passwd',
      ward: 'Canbury Gardens',
      source: '<img src=x onerror=alert(1)>',
      email: 'someone@example.org',
    });
    assert.equal(open.callCount, 1);
    assert.deepEqual(open.firstCall.args[3], { start: {} });
    const seen = await counts(bot);
    assert.equal(seen['conversation_started|test|-'], 1);
    assert.ok(!Object.keys(seen).some((k) => /img|example|passwd/.test(k)), 'nothing forged is kept');
  });

  it('ignores a second join (a reconnect) and a join whose value is not an object of strings', async () => {
    await join(bot, { journey: 'themes' });
    assert.deepEqual(await join(bot, { journey: 'bystander' }), []);
    assert.equal(open.callCount, 1);
    const other = await startTestBot({ userId: USER });
    try {
      const replies = await other.say({
        type: ActivityTypes.Event,
        name: JOIN_EVENT,
        value: { journey: { $gt: '' } },
      });
      assert.ok(buttonsOf(replies).length > 0, 'the welcome menu');
    } finally {
      await other.close();
    }
  });

  it('still welcomes other clients on conversationUpdate', async () => {
    const other = await startTestBot({ userId: 'dl_cli' });
    try {
      const replies = await other.join();
      assert.ok(buttonsOf(replies).length > 0);
    } finally {
      await other.close();
    }
  });
});

describe('start values against the allowlist', () => {
  let content: Content;
  before(async () => {
    const bot = await startTestBot();
    content = bot.services.content;
    await bot.close();
  });

  it('reads ids from the content: a ward by id, name or alias; a session only if it exists', () => {
    const ward = content.wards.all.find((w) => w.aliases.length > 0)!;
    for (const given of [ward.id, ward.name, ward.aliases[0]!.toUpperCase()]) {
      assert.deepEqual(parseStart({ journey: 'volunteer', ward: given }, content).start, { ward: ward.id });
    }
    assert.deepEqual(parseStart({ journey: 'volunteer', ward: 'Narnia' }, content).refused, ['ward']);
    const session = content.workshops.all[0]!;
    assert.deepEqual(parseStart({ journey: 'workshop', session: session.id }, content).start, {
      sessionId: session.id,
    });
    assert.deepEqual(parseStart({ journey: 'workshop', session: 'made-up' }, content).start, {});
  });

  it('takes an option only for the journey that reads it, and names unknown fields "other"', () => {
    const topic = content.plan.topics[0]!.id;
    const parsed = parseStart({ journey: 'bystander', topic, 'my name is': 'Sam' }, content);
    assert.deepEqual(parsed.start, {});
    assert.deepEqual(parsed.refused.sort(), ['other', 'topic']);
  });

  it('builds links that parse back to the same start', () => {
    const topic = content.plan.topics[1]!.id;
    const link = new URL(startLink('https://bot.example.org', 'themes', { topic }, 'KREC'));
    assert.equal(link.pathname, '/chat');
    const parsed = parseStart(Object.fromEntries(link.searchParams), content);
    assert.deepEqual(parsed, { journey: 'themes', start: { topic }, source: 'KREC', refused: [] });
  });
});
