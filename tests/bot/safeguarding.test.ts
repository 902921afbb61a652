import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { isoWeek } from '../../src/insights/isoWeek.js';
import { KeywordRecogniser } from '../../src/understanding/keywordRecogniser.js';
import type { Recogniser } from '../../src/understanding/types.js';
import { decideSafety } from '../../src/understanding/safetyDecision.js';
import { loadContent } from '../../src/content/content.js';
import { allText, buttonsOf, startTestBot, textOf, type TestBot } from '../support/botHarness.js';
import { useInstantJourney } from '../support/instantJourney.js';

const messages = (replies: Partial<Activity>[]) => replies.filter((a) => a.type === 'message');
const first = (replies: Partial<Activity>[]) => textOf(messages(replies)[0] ?? {});

/** A journey that reaches its goal at once, so the feedback prompts that follow can be tested. */
describe('safeguarding: the crisis reply comes first', () => {
  let bot: TestBot;
  afterEach(() => bot?.close());

  it('leads with 999, the silent call (55) and text relay (18000), then Samaritans and Shout for self-harm', async () => {
    bot = await startTestBot();
    const replies = await bot.say('I want to kill myself');
    const lead = first(replies);
    assert.match(lead.split('\n')[0], /\b999\b/);
    assert.match(lead, /\b55\b/);
    assert.match(lead, /18000/);
    assert.match(lead, /116 123/);
    assert.match(lead, /85258/);
    assert.ok(lead.indexOf('999') < lead.indexOf('116 123'), '999 comes before the next line');
    const text = allText(replies);
    assert.match(text, /Are you safe right now\?/);
    assert.deepEqual(buttonsOf(replies), ["I'm safe now", "I'm not safe", 'Back to where I was']);
  });

  it('gives the National Domestic Abuse Helpline for abuse', async () => {
    bot = await startTestBot();
    const lead = first(await bot.say('my boyfriend hits me and I am scared to go home'));
    assert.match(lead.split('\n')[0], /\b999\b/);
    assert.match(lead, /National Domestic Abuse Helpline/);
    assert.match(lead, /0808 2000 247/);
    assert.doesNotMatch(lead, /116 123/);
  });

  it('answers danger with 999 and what to do first', async () => {
    bot = await startTestBot();
    const lead = first(await bot.say("he's outside with a knife"));
    assert.match(lead.split('\n')[0], /\b999\b/);
    assert.match(lead, /safe place/);
  });

  for (const channelId of ['msteams', 'directline', 'webchat', 'emulator'])
    it(`answers a crisis first on the ${channelId} channel too`, async () => {
      bot = await startTestBot({ channelId });
      bot.adapter.enableTrace = true; // on the emulator the trace is sent too, but after the reply
      const replies = await bot.say('i dont want to be here anymore');
      assert.equal(replies[0].type, 'message');
      assert.match(textOf(replies[0]), /\b999\b/);
    });

  it('does not depend on the classifier: the rules catch a crisis even with a keyword recogniser', async () => {
    bot = await startTestBot({ services: { recogniser: new KeywordRecogniser() } });
    assert.match(first(await bot.say('i have taken all my pills')), /\b999\b/);
  });

  it('still answers a crisis when the recogniser fails', async () => {
    const broken: Recogniser = {
      recognise: () => {
        throw new Error('model file damaged');
      },
    };
    bot = await startTestBot({ services: { recogniser: broken } });
    assert.match(first(await bot.say("i'm going to end my life")), /\b999\b/);
  });

  // The decision no longer reads the route (no threshold shared with routing): the classifier
  // speaks through the recogniser's safety decision, with its own two thresholds.
  it('acts on a crisis the classifier found when no term matched', async () => {
    const content = await loadContent();
    const confident = (score: number): Recogniser => ({
      recognise: () => ({ route: 'help', score: 0.7, alternatives: [] }),
      safety: (text, earlier) =>
        decideSafety(text, { matcher: content.safeguarding.matcher, crisisScore: () => score, earlier }),
    });
    bot = await startTestBot({ services: { recogniser: confident(0.95), content } });
    const replies = await bot.say('something is very wrong tonight');
    assert.match(first(replies), /\b999\b/);
    assert.match(allText(replies), /Are you safe right now\?/);
    await bot.close();
    bot = await startTestBot({ services: { recogniser: confident(0.75), content } });
    const shortLine = await bot.say('something is very wrong tonight');
    assert.equal(first(shortLine), content.safeguarding.possibleLine());
    assert.doesNotMatch(allText(shortLine), /Are you safe right now\?/);
  });

  it('leads the normal reply with one short 999 line when there may be danger, without a takeover', async () => {
    bot = await startTestBot();
    const replies = messages(await bot.say('i am homeless and feel unsafe'));
    const { safeguarding } = bot.services.content;
    assert.equal(textOf(replies[0]), safeguarding.possibleLine());
    assert.match(textOf(replies[0]), /\b999\b/);
    assert.ok(replies.length >= 2, 'the normal reply follows in the same turn');
    assert.doesNotMatch(allText(replies), /Are you safe right now\?/);
    const week = (await bot.services.insights.weeks([isoWeek(new Date())]))[0];
    assert.equal(week?.counts['safeguarding|possible|general-danger'], 1, 'the hazard is counted');
    assert.doesNotMatch(JSON.stringify(week), /homeless/, 'and nothing of the text');
  });

  for (const channelId of ['webchat', 'directline', 'msteams'])
    it(`offers a Call 999 button (tel:999) on ${channelId}, with the number in the text too`, async () => {
      bot = await startTestBot({ channelId });
      const [reply] = messages(await bot.say('there is a fire in my flat'));
      assert.match(reply.text ?? '', /\b999\b/);
      const actions = (reply.attachments ?? []).flatMap(
        (a) => (a.content as { buttons?: { type: string; title: string; value: string }[] }).buttons ?? [],
      );
      assert.deepEqual(actions, [{ type: 'openUrl', title: 'Call 999', value: 'tel:999' }]);
    });

  it('gives the number as text only on channels that cannot dial', async () => {
    bot = await startTestBot({ channelId: 'test' });
    const [reply] = messages(await bot.say('there is a fire in my flat'));
    assert.match(reply.text ?? '', /\b999\b/);
    assert.equal(reply.attachments?.length ?? 0, 0);
  });

  it('gives the first steps for the kind of emergency after 999', async () => {
    bot = await startTestBot();
    const fire = first(await bot.say('the kitchen is on fire'));
    assert.ok(fire.indexOf('999') < fire.indexOf('get out, stay out'), '999 first, then get out');
    await bot.say('Back to where I was');
    assert.match(first(await bot.say('I can smell gas')), /0800 111 999/);
    await bot.say('Back to where I was');
    assert.match(first(await bot.say('my 3 year old swallowed some tablets')), /\b111\b/);
    await bot.say('Back to where I was');
    assert.match(first(await bot.say('my son is missing')), /24 hours/);
  });

  it('sees an emergency told over two short messages', async () => {
    bot = await startTestBot();
    assert.doesNotMatch(first(await bot.say('my toddler')), /Are you safe/);
    const replies = await bot.say('alone by the road');
    assert.match(first(replies), /\b999\b/);
    assert.match(allText(replies), /Are you safe right now\?/);
  });

  it('repeats the emergency routes for "I\'m not safe", and keeps asking', async () => {
    bot = await startTestBot();
    await bot.say('someone is following me');
    const replies = await bot.say("I'm not safe");
    assert.match(first(replies), /\b999\b/);
    assert.match(allText(replies), /Are you safe right now\?/);
  });

  it('offers the menu after "I\'m safe now" when no journey was in progress', async () => {
    bot = await startTestBot();
    await bot.say('i feel suicidal');
    const replies = await bot.say("I'm safe now");
    assert.match(allText(replies), /glad you are safe/);
    assert.ok(buttonsOf(replies).length > 0);
  });

  it('lets the person simply carry on: the next ordinary message is handled as usual', async () => {
    bot = await startTestBot();
    await bot.say('i want to die');
    assert.match(allText(await bot.say('hello')), /Safer Kingston helper/);
  });

  it('never records the crisis message in the staff insights', async () => {
    bot = await startTestBot();
    await bot.say('i want to end my life, my email is jo@example.org');
    const raw = JSON.stringify(await bot.services.insights.weeks([isoWeek(new Date())]));
    assert.doesNotMatch(raw, /end my life/);
  });
});

describe('safeguarding: the journey is kept and resumes', () => {
  useInstantJourney('privacy');
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot();
  });
  afterEach(() => bot.close());

  it('interrupts the "Did this help?" prompt and asks it again after "Back to where I was"', async () => {
    assert.match(allText(await bot.say({ text: '', value: { journey: 'privacy' } })), /Did this help\?/);
    const crisis = await bot.say('he is going to kill me');
    assert.match(first(crisis), /\b999\b/);
    const back = await bot.say('Back to where I was');
    assert.match(allText(back), /Did this help\?/);
    assert.match(allText(await bot.say('yes')), /Thank you/);
  });

  it('interrupts the comment prompt, and after "I\'m safe now" asks for the comment again', async () => {
    await bot.say({ text: '', value: { journey: 'privacy' } });
    assert.match(allText(await bot.say('no')), /What were you looking for/);
    assert.match(first(await bot.say('i keep cutting myself')), /\b999\b/);
    const safe = await bot.say("I'm safe now");
    assert.match(allText(safe), /glad you are safe/);
    assert.match(allText(safe), /What were you looking for/);
    assert.match(allText(await bot.say('Skip')), /Thank you/);
  });
});

describe('safeguarding: when storage fails', () => {
  it('still sends the crisis reply first', async () => {
    const bot = await startTestBot();
    try {
      const failing = bot.services.store.botState;
      failing.read = async () => {
        throw new Error('disk unavailable');
      };
      const replies: Partial<Activity>[] = [];
      bot.adapter.onTurnError = async () => undefined;
      replies.push(...(await bot.say('i want to kill myself')));
      assert.match(textOf(replies[0] ?? {}), /\b999\b/);
    } finally {
      await bot.close();
    }
  });
});
