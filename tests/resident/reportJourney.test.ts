import assert from 'node:assert/strict';
import { allText, buttonsOf, startTestBot, type TestBot } from '../support/botHarness.js';
import { adaptiveCardProblems, adaptiveCardsIn } from '../support/adaptiveCardCheck.js';
import { Chat, crisisThenResume, startJoinedChat, escape, type Step } from './journeySteps.js';

const NOTICE = /cannot take a report\. Nothing you type here is sent to the police/;

/** Report something -> hate crime -> through a local group: two questions, then KREC. */
const hateThirdParty: Step[] = [
  { say: 'Report something', expect: /What would you like to report\?/ },
  {
    say: 'A hate crime or hate incident',
    expect: /even if no crime was committed[\s\S]*How would you like to report it\?/,
  },
  { say: 'Through a local group, not the police', expect: /Kingston Race and Equalities Council/ },
];

describe('report journey', () => {
  let bot: TestBot;
  let chat: Chat;
  beforeEach(async () => ({ bot, chat } = await startJoinedChat()));
  afterEach(() => bot.close());

  it('says first that it takes no reports, then shows the route as a card with tap-to-call and links', async () => {
    const first = await chat.send('Report something');
    assert.match(allText(first), NOTICE);
    await chat.send('A crime that has already happened');
    const replies = await chat.send('Yes, I can give my name');
    const text = allText(replies);
    assert.match(text, /Report it to the police/);
    assert.match(text, NOTICE, 'the route card repeats that the chat takes no reports');
    const cards = adaptiveCardsIn(replies);
    assert.equal(cards.length, 1);
    assert.deepEqual(adaptiveCardProblems(cards[0].content), []);
    assert.ok(buttonsOf(replies).includes('Call 101'));
    assert.match(JSON.stringify(cards[0].content), /"url":"tel:101"/);
    assert.match(JSON.stringify(cards[0].content), /https:\/\/www\.met\.police\.uk\/ro\/report\//);
    assert.match(text, /get support too, whether you report or not/);
    assert.match(text, /Did this help\?/, 'the main dialog asks for feedback after a finished journey');
  });

  it('reaches every route in the content by the buttons, in at most two questions', async () => {
    const { reporting } = bot.services.content;
    const reached = new Set<string>();
    for (const choice of reporting.start.choices) {
      const paths = choice.next
        ? reporting.question(choice.next).choices.map((c) => [choice.label, c.label, c.route!])
        : [[choice.label, choice.route!]];
      for (const path of paths) {
        const route = reporting.route(path[path.length - 1]);
        const labels = ['Report something', ...path.slice(0, -1)];
        let replies = await chat.send(labels[0]);
        for (const label of labels.slice(1)) replies = await chat.send(label);
        assert.match(allText(replies), new RegExp(escape(route.title)), `${labels.join(' > ')}`);
        assert.ok(labels.length - 1 <= 2, 'at most two questions');
        reached.add(route.id);
      }
    }
    assert.deepEqual([...reached].sort(), reporting.routes.map((r) => r.id).sort());
  });

  it('sends someone in danger straight to 999, 55, 18000 and 999 BSL', async () => {
    await chat.send('Report something');
    const replies = await chat.send('Someone is in danger now');
    const text = allText(replies);
    assert.match(text, /Call 999 now/);
    assert.match(text, /press 55/);
    assert.match(text, /18000/);
    assert.match(text, /999bsl\.co\.uk/);
  });

  it('understands free text, and skips questions the opening words already answer', async () => {
    // "report" opens the journey; "hate crime" and "true vision" answer both questions.
    const replies = await chat.send('I want to report a hate crime online through True Vision');
    assert.match(allText(replies), /Report a hate crime online/);
    assert.match(allText(replies), /report-it\.org\.uk/);

    await chat.send('I want to report something');
    assert.match(allText(await chat.send('I got scammed out of money')), /reportfraud\.police\.uk/);

    await chat.send('report');
    const slavery = await chat.send('someone I know is being forced to work');
    assert.match(allText(slavery), /Modern Slavery & Exploitation Helpline/);
    assert.ok(buttonsOf(slavery).includes('Call 08000 121 700'));
  });

  it('shows the choices again when free text is unclear', async () => {
    await chat.send('Report something');
    const replies = await chat.send('can I just tell you about it here?');
    assert.match(allText(replies), /not sure which one you mean/);
    assert.match(allText(replies), NOTICE, 'someone typing what happened is told it is not passed on');
    assert.ok(buttonsOf(replies).includes('Fraud or a scam'));
    assert.match(allText(await chat.send('5')), /Report Fraud/, 'a number picks the listed choice');
    await chat.send('Report something');
    assert.match(allText(await chat.send('my neighbour hit me yesterday')), /happy to give your name/);
  });

  it('goes back from the follow-up question to the first', async () => {
    await chat.play(hateThirdParty.slice(0, 2));
    const back = await chat.send('back');
    assert.match(allText(back), /What would you like to report\?/);
    assert.match(allText(await chat.send('I want to report without giving my name')), /Are you under 18\?/);
    assert.match(allText(await chat.send('yes')), /fearless\.org/);
  });

  it('takes "Back" and tapped answers as answers even when the recogniser reads them as cancel', async () => {
    const strict = await startTestBot({
      services: { recogniser: { recognise: () => ({ route: 'cancel', score: 0.95, alternatives: [] }) } },
    });
    try {
      await strict.say({ text: '', value: { journey: 'report' } });
      assert.match(
        allText(await strict.say('A hate crime or hate incident')),
        /How would you like to report it\?/,
      );
      assert.match(allText(await strict.say('Back')), /What would you like to report\?/);
      assert.match(allText(await strict.say('please stop')), /I've stopped that/);
    } finally {
      await strict.close();
    }
  });

  for (let at = 1; at < hateThirdParty.length; at++) {
    it(`cancels at step ${at} and offers the menu`, async () => {
      await chat.play(hateThirdParty.slice(0, at));
      const replies = await chat.send('cancel');
      assert.match(allText(replies), /I've stopped that/);
      assert.ok(buttonsOf(replies).includes('Report something'));
      assert.doesNotMatch(allText(await chat.send('Through a local group, not the police')), /kingstonrec/);
    });
  }

  it('gives the route as plain text on a channel without cards', async () => {
    const sms = await startTestBot({ channelId: 'sms' });
    try {
      await sms.say('Report something');
      const replies = await sms.say('Fraud or a scam');
      assert.equal(adaptiveCardsIn(replies).length, 0);
      const text = replies.map((r) => r.text ?? '').join('\n');
      assert.match(text, /Report Fraud/);
      assert.match(text, /Call 0300 123 2040/);
      assert.match(text, /https:\/\/www\.reportfraud\.police\.uk\//);
      assert.match(text, NOTICE);
    } finally {
      await sms.close();
    }
  });

  describe('a crisis message at every step', () => {
    for (let at = 1; at < hateThirdParty.length; at++) {
      it(`answers with 999 first at step ${at}, then carries on`, () =>
        crisisThenResume(chat, hateThirdParty.slice(0, at), hateThirdParty.slice(at)));
    }
  });
});
