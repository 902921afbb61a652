import assert from 'node:assert/strict';
import { allText, buttonsOf, startTestBot, type TestBot } from '../support/botHarness.js';
import { adaptiveCardProblems, adaptiveCardsIn } from '../support/adaptiveCardCheck.js';
import { Chat, crisisThenResume, startJoinedChat, type Step } from './journeySteps.js';

/** Find support -> domestic abuse -> a man. */
const menDomesticAbuse: Step[] = [
  { say: 'Find support', expect: /What do you need support with\?/ },
  { say: 'Domestic abuse', expect: /Who is the support for\?/ },
  { say: 'A man', expect: /Men's Advice Line/ },
];

const ALWAYS_OPEN = /Open all day and night[\s\S]*Samaritans[\s\S]*Shout/;

describe('support journey', () => {
  let bot: TestBot;
  let chat: Chat;
  beforeEach(async () => ({ bot, chat } = await startJoinedChat()));
  afterEach(() => bot.close());

  it('narrows by topic and group, shows 2-4 services as cards, and always the 24/7 options', async () => {
    const replies = await chat.play(menDomesticAbuse);
    const text = allText(replies);
    assert.match(text, /0808 801 0327/);
    assert.match(text, /National Domestic Abuse Helpline/, 'services for everyone follow those for men');
    assert.doesNotMatch(text, /Galop/, 'services for another group are left out');
    assert.match(text, ALWAYS_OPEN);
    const cards = adaptiveCardsIn(replies);
    const serviceCards = cards.length - 1;
    assert.ok(serviceCards >= 2 && serviceCards <= 4, `${serviceCards} service cards`);
    for (const card of cards) assert.deepEqual(adaptiveCardProblems(card.content), []);
    assert.ok(buttonsOf(replies).includes('Call 0808 801 0327'));
  });

  it('shows LGBT+ services to LGBT+ people and young people services to young people', async () => {
    await chat.play(menDomesticAbuse.slice(0, 2));
    assert.match(allText(await chat.send('LGBT+')), /Galop[\s\S]*0800 999 5428/);
    await chat.send('Find support');
    await chat.send('Mental health or feeling low');
    const young = allText(await chat.send('A young person (under 18)'));
    assert.match(young, /Childline/);
    assert.match(young, /Open all day and night[\s\S]*\b999\b/);
  });

  it('adds a safeguarding note for professionals referring someone', async () => {
    await chat.send('Find support');
    await chat.send('Exploitation or modern slavery');
    const text = allText(await chat.send('I am a professional referring someone'));
    assert.match(text, /check they agree first/);
    assert.match(text, /08000 121 700/);
  });

  it('never shows services flagged unconfirmed, and says so when a topic has no checked service', async () => {
    await chat.send('Find support');
    await chat.send('Drugs or alcohol');
    const text = allText(await chat.send('Anyone (no preference)'));
    assert.doesNotMatch(text, /FRANK|0300 123 6600/);
    assert.match(text, /do not have a checked local service/);
    assert.match(text, ALWAYS_OPEN);
    await chat.send('Find support');
    await chat.send('Hate crime');
    assert.doesNotMatch(allText(await chat.send('anyone')), /Stop Hate UK/);
  });

  it('understands free text and skips what the opening words already said', async () => {
    const direct = allText(await chat.send('I need support, I am gay and my partner is abusive'));
    assert.match(direct, /Galop/);
    await chat.send('I need support');
    assert.match(
      allText(await chat.send("I've been feeling really low and anxious")),
      /Who is the support for/,
    );
    assert.match(allText(await chat.send('for me')), /Samaritans/);
    // Back from who it is for reaches the topic, even when the topic came from the opening words.
    await chat.send('I need support with a scam');
    assert.match(allText(await chat.send('back')), /What do you need support with\?/);
  });

  it('leads with 999 for an ex who keeps turning up, offers "a woman", and gives the stalking line', async () => {
    const first = await chat.send('My ex keeps turning up at my flat');
    const firstText = allText(first);
    // A worry that may be happening now: the check's short 999 line, then the support answer.
    assert.doesNotMatch(firstText, /Are you safe right now/, 'not the full crisis reply');
    assert.match(
      firstText,
      /^(If anyone is in danger now, call 999\.\s+)?If they are at your home now[^\n]*call 999/,
      '999 comes before the question',
    );
    assert.match(firstText, /Who is the support for\?/);
    for (const group of ['A woman', 'A man', 'LGBT+', 'An older person', 'Someone deaf or speech impaired'])
      assert.ok(buttonsOf(first).includes(group), group);
    const answer = allText(await chat.send('a woman'));
    assert.match(
      answer,
      /^(If anyone is in danger now, call 999\.\s+)?If they are at your home now[^\n]*call 999/,
    );
    assert.match(answer, /National Stalking Helpline[\s\S]*0808 802 0300/);
    assert.match(answer, /National Domestic Abuse Helpline[\s\S]*0808 2000 247/, 'the related topic too');
    assert.doesNotMatch(answer, /Men's Advice Line/);
  });

  it('leads with 999 only where the situation can be happening now', async () => {
    await chat.send('Find support');
    assert.match(allText(await chat.send('Domestic abuse')), /^If you are in danger now[\s\S]*999/);
    await chat.send('cancel');
    await chat.send('Find support');
    const money = allText(await chat.send('Fraud or a scam'));
    assert.match(money, /^Who is the support for\?/);
    const older = allText(await chat.send('An older person'));
    assert.match(older, /reportfraud\.police\.uk/);
  });

  it('names missing people and deaf or speech-impaired people', async () => {
    const missing = allText(await chat.send('I need support, my son has run away'));
    assert.match(missing, /call 999 now\. You do not have to wait 24 hours/);
    assert.match(missing, /Missing People[\s\S]*116 000/);
    await chat.send('Find support');
    await chat.send('Hate crime');
    const deaf = allText(await chat.send('Someone deaf or speech impaired'));
    assert.match(deaf, /Open all day and night[\s\S]*(BSL|18000)/);
  });

  it('shows the choices again when free text is unclear', async () => {
    await chat.send('Find support');
    const replies = await chat.send('purple elephants');
    assert.match(allText(replies), /not sure which one you mean/);
    assert.ok(buttonsOf(replies).includes('Housing or homelessness'));
    // Housing is eighth since stalking joined the topics.
    assert.match(allText(await chat.send('8')), /Who is the support for/);
    assert.match(allText(await chat.send('1')), /020 8547 5000/);
  });

  it('goes back from who it is for to the topic', async () => {
    await chat.play(menDomesticAbuse.slice(0, 2));
    assert.match(allText(await chat.send('go back')), /What do you need support with\?/);
    await chat.send('Fraud or a scam');
    assert.match(allText(await chat.send('anyone')), /reportfraud\.police\.uk/);
  });

  for (let at = 1; at < menDomesticAbuse.length; at++) {
    it(`cancels at step ${at} and offers the menu`, async () => {
      await chat.play(menDomesticAbuse.slice(0, at));
      const replies = await chat.send('cancel');
      assert.match(allText(replies), /I've stopped that/);
      assert.ok(buttonsOf(replies).includes('Find support'));
    });
  }

  it('gives the services as plain text on a channel without cards', async () => {
    const sms = await startTestBot({ channelId: 'sms' });
    try {
      await sms.say('Find support');
      await sms.say('Rape or sexual assault');
      const replies = await sms.say('anyone');
      assert.equal(adaptiveCardsIn(replies).length, 0);
      const text = replies.map((r) => r.text ?? '').join('\n');
      assert.match(text, /Rape Crisis[\s\S]*https:\/\/rapecrisis\.org\.uk\//);
      assert.match(text, /Samaritans[\s\S]*Call 116 123/);
      assert.match(text, /Text SHOUT to 85258/);
    } finally {
      await sms.close();
    }
  });

  describe('a crisis message at every step', () => {
    for (let at = 1; at < menDomesticAbuse.length; at++) {
      it(`answers with 999 first at step ${at}, then carries on`, () =>
        crisisThenResume(chat, menDomesticAbuse.slice(0, at), menDomesticAbuse.slice(at)));
    }
  });
});
