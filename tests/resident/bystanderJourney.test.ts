import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { allText, buttonsOf, startTestBot, type TestBot } from '../support/botHarness.js';
import { adaptiveCardProblems, adaptiveCardsIn } from '../support/adaptiveCardCheck.js';
import { Chat, crisisThenResume, startJoinedChat, type Step } from './journeySteps.js';

const OPEN = 'Help safely as a bystander';

/** Opening, the explanation, then the first two situations. */
const firstSteps: Step[] = [
  {
    say: OPEN,
    expect: /your own safety comes first[\s\S]*Distract[\s\S]*Ask for Angela/,
    asks: /Ready to try some real-life situations/,
  },
  { say: 'Start the situations', expect: /Situation 1 of 9: The night bus/ },
  { say: 'Tell the bus driver what is happening', expect: /Situation 2 of 9/ },
  { say: 'Tell the door staff or security straight away', expect: /Situation 3 of 9/ },
];

describe('bystander journey', () => {
  let bot: TestBot;
  let chat: Chat;
  beforeEach(async () => ({ bot, chat } = await startJoinedChat()));
  afterEach(() => bot.close());

  it('hears a witness story first with "you can still report it", and offers reporting before the course', async () => {
    const story = await chat.send('saw a lad getting battered outside spoons last night');
    const text = allText(story);
    // A past fight may get the safeguarding check's one short 999 line first; never the full reply.
    assert.match(
      text,
      /^(If anyone is in danger now, call 999\.\s+)?That sounds upsetting[\s\S]*You can still report it/,
    );
    assert.doesNotMatch(text, /Are you safe right now/);
    assert.doesNotMatch(text, /It takes about 10 minutes/, 'the course does not start by itself');
    assert.deepEqual(buttonsOf(story), [
      'Report what I saw',
      'Learn what I could do next time',
      'Get support for me',
    ]);
    assert.match(allText(await chat.send('Report what I saw')), /What would you like to report\?/);
    await chat.send('cancel');
    await chat.send('saw a lad getting battered outside spoons last night');
    assert.match(allText(await chat.send('2')), /It takes about 10 minutes/);
    // Asking for the training itself starts it as before.
    await chat.send('cancel');
    assert.match(allText(await chat.send(OPEN)), /It takes about 10 minutes/);
  });

  it('explains the 5Ds and Ask for Angela in a valid card, then asks about the first situation', async () => {
    const intro = await chat.send(OPEN);
    const cards = adaptiveCardsIn(intro);
    assert.equal(cards.length, 1);
    assert.deepEqual(adaptiveCardProblems(cards[0].content), []);
    for (const name of ['Distract', 'Delegate', 'Document', 'Delay', 'Direct', 'Ask for Angela'])
      assert.match(allText(intro), new RegExp(name));
    const first = await chat.send('Start the situations');
    assert.match(allText(first), /Situation 1 of 9/);
    assert.deepEqual(buttonsOf(first), [
      ...bot.services.content.bystander.scenarios[0].options.map((o) => o.label),
      'Back',
      'Pause for now',
    ]);
  });

  it('goes through every situation with feedback and progress, then a summary and an offer', async () => {
    const { scenarios } = bot.services.content.bystander;
    await chat.send(OPEN);
    await chat.send('yes');
    let replies = await chat.send('2');
    for (let i = 0; i < scenarios.length; i++) {
      const option = scenarios[i].options[1];
      if (i > 0) replies = await chat.send(option.label);
      const text = allText(replies);
      assert.match(text, new RegExp(`Progress: ${i + 1} of ${scenarios.length} situations done`));
      assert.ok(text.includes(option.feedback.slice(0, 40)), `feedback for ${scenarios[i].id}`);
    }
    const summary = allText(replies);
    assert.match(summary, /The 5Ds to keep/);
    for (const t of bot.services.content.bystander.techniques) assert.ok(summary.includes(t.keep));
    for (const card of adaptiveCardsIn(replies)) assert.deepEqual(adaptiveCardProblems(card.content), []);
    assert.ok(buttonsOf(replies).includes('Hate crime workshops'));
    assert.ok(buttonsOf(replies).includes('Volunteer'));
    assert.match(summary, /Did this help\?/, 'the main dialog asks for feedback after a finished journey');
    // The summary card's button opens the workshop journey, even while "Did this help?" waits.
    const workshop = await chat.sendActivity({ text: '', value: { journey: 'workshop' } });
    assert.ok(allText(workshop).length > 0);
    assert.doesNotMatch(allText(workshop), /Did this help\?|5Ds to keep/);
  });

  it('understands free-text answers that clearly match, and shows the options again otherwise', async () => {
    await chat.play(firstSteps.slice(0, 2));
    const unclear = await chat.send('I dunno, it depends');
    assert.match(allText(unclear), /not sure which one you mean/);
    assert.ok(buttonsOf(unclear).includes('Tell the bus driver what is happening'));
    const driver = await chat.send("I'd go and have a word with the driver");
    assert.match(allText(driver), /Bus drivers can radio for help/);
    assert.match(allText(driver), /That is "Delegate"/);
    // The technique's name works when only one option uses it.
    assert.match(allText(await chat.send('distract')), /Acting as if you know her/);
    // "not ... film" is not read as choosing to film.
    assert.match(
      allText(await chat.send('I would not film, I would get the manager')),
      /A manager or security guard/,
    );
  });

  it('puts safety first in the feedback on risky choices', async () => {
    await chat.play(firstSteps.slice(0, 2));
    await chat.send('1');
    await chat.send('1');
    await chat.send('1');
    await chat.send('1');
    await chat.send('1');
    await chat.send('1');
    await chat.send('1');
    await chat.send('1');
    assert.match(allText(await chat.send('Pull him off her')), /Please do not get physical/);
  });

  it('goes back to the previous situation, and from the first back to the explanation', async () => {
    await chat.play(firstSteps.slice(0, 3));
    assert.match(allText(await chat.send('back')), /Situation 1 of 9/);
    assert.match(allText(await chat.send('go back')), /5Ds and Ask for Angela/);
  });

  it('pauses, and carries on later where the person left off, for the same user and channel only', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'skbot-bystander-'));
    try {
      const first = await startTestBot({ dataDir });
      const firstChat = new Chat(first);
      await firstChat.join();
      await firstChat.play(firstSteps);
      const paused = await firstChat.tap('Pause for now');
      assert.match(allText(paused), /progress is saved: you have done 2 of 9/);
      assert.ok(buttonsOf(paused).includes(OPEN));
      await first.close();

      const later = await startTestBot({ dataDir });
      const laterChat = new Chat(later);
      const back = await laterChat.type('bystander training');
      assert.match(allText(back), /Welcome back\. You have done 2 of 9/);
      assert.match(allText(await laterChat.type('carry on')), /Situation 3 of 9/);
      // The test harness reuses one conversation id: end this conversation's journey first.
      assert.match(allText(await later.say('cancel')), /progress is saved: you have done 2 of 9/);
      await later.close();

      const someoneElse = await startTestBot({ dataDir, userId: 'user-2' });
      assert.match(allText(await someoneElse.say(OPEN)), /your own safety comes first/);
      await someoneElse.close();

      const otherChannel = await startTestBot({ dataDir, channelId: 'msteams' });
      assert.match(allText(await otherChannel.say(OPEN)), /your own safety comes first/);
      await otherChannel.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('hands over to another journey when its button is tapped mid-way, keeping the progress', async () => {
    await chat.play(firstSteps.slice(0, 3));
    const report = await chat.sendActivity({ value: { journey: 'report' } });
    assert.match(allText(report), /What would you like to report\?/);
    // Words that clearly ask for another journey hand over too, when they answer nothing here.
    assert.match(allText(await chat.type('bystander training')), /Welcome back\. You have done 1 of 9/);
    await chat.tap('Carry on where I left off');
    assert.match(
      allText(await chat.type("I'd report it to the staff")),
      /Situation 3 of 9/,
      'an answer stays',
    );
  });

  it('forgets progress after RETENTION_DAYS without a visit, as the privacy notice says', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'skbot-bystander-'));
    let now = new Date('2026-11-21T10:00:00Z');
    try {
      const first = new Chat(await startTestBot({ dataDir, services: { now: () => now } }));
      await first.join();
      await first.play(firstSteps);
      await first.tap('Pause for now');
      await first.bot.close();
      now = new Date(now.getTime() + (first.bot.services.config.RETENTION_DAYS + 1) * 86_400_000);
      const later = new Chat(await startTestBot({ dataDir, services: { now: () => now } }));
      assert.match(allText(await later.type(OPEN)), /your own safety comes first/);
      await later.bot.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('can start again or see the summary after finishing', async () => {
    await chat.send(OPEN);
    await chat.send('yes');
    for (let i = 0; i < bot.services.content.bystander.scenarios.length; i++) await chat.send('1');
    const again = await chat.send(OPEN);
    assert.match(allText(again), /finished all 9 situations before/);
    assert.match(allText(await chat.send('See the summary')), /The 5Ds to keep/);
    await chat.send(OPEN);
    assert.match(allText(await chat.send('Do the training again')), /Situation 1 of 9/);
  });

  for (let at = 1; at < firstSteps.length; at++) {
    it(`cancels at step ${at}, keeps the progress and offers the menu`, async () => {
      await chat.play(firstSteps.slice(0, at));
      const replies = await chat.send('cancel');
      assert.match(allText(replies), /I've stopped that/);
      assert.ok(buttonsOf(replies).includes(OPEN));
      if (at >= 3) assert.match(allText(replies), /progress is saved/);
    });
  }

  describe('a crisis message at every step', () => {
    for (let at = 1; at < firstSteps.length; at++) {
      it(`answers with 999 first at step ${at}, then carries on`, () =>
        crisisThenResume(chat, firstSteps.slice(0, at), firstSteps.slice(at)));
    }
  });
});
