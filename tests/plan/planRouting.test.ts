import assert from 'node:assert/strict';
import { allText, buttonsOf, startTestBot, type TestBot } from '../support/botHarness.js';

const SOURCE = 'Source: Safer Kingston Partnership Plan 2024-2029';

describe('plan-first routing: plan questions get the plan answer', () => {
  let web: TestBot;
  let teams: TestBot;
  before(async () => {
    web = await startTestBot({ channelId: 'webchat' });
    teams = await startTestBot({ channelId: 'msteams', services: { content: web.services.content } });
  });
  after(async () => {
    await web.close();
    await teams.close();
  });

  let n = 0;
  /** Each question in its own new conversation, as a first message. */
  const ask = (bot: TestBot, text: string) => bot.say(text, { userId: `u${++n}`, conversationId: `c${n}` });

  const cases: [string, RegExp[]][] = [
    ['What makes an offender less likely to reoffend?', [/a home, a job and access to healthcare/]],
    ['How often do the thematic groups report progress?', [/every quarter/]],
    ['definition of primary prevention?', [/before it happens/]],
    ['how are the boards coordinated', [/Board Chairs interface meeting/, /Board Coordinators meeting/]],
    ['How does the plan define someone as vulnerable?', [/cannot protect themselves or others/]],
  ];
  for (const [question, facts] of cases) {
    it(`answers "${question}" from the plan on the web and in Teams`, async () => {
      for (const bot of [web, teams]) {
        const text = allText(await ask(bot, question));
        assert.ok(text.includes(SOURCE), `${bot === web ? 'web' : 'Teams'}: ${text.slice(0, 200)}`);
        for (const fact of facts) assert.match(text, fact);
      }
    });
  }

  it('offers the resident journey that came close as a button beside the plan answer', async () => {
    const who = { userId: 'offer-asker', conversationId: 'offer-chat' };
    const replies = await web.say('What makes an offender less likely to reoffend?', who);
    assert.ok(
      buttonsOf(replies).includes('Looking for the bystander course?'),
      buttonsOf(replies).join(' / '),
    );
    const pressed = allText(await web.say({ text: '', value: { journey: 'bystander' } }, who));
    assert.ok(!pressed.includes(SOURCE), 'the button opens the bystander journey');
    assert.match(pressed, /bystander|harassed|safe/i);
  });

  it('in Teams prefers the plan for a question a resident journey also claims, offering that journey', async () => {
    const replies = await ask(teams, 'How can people report crime anonymously?');
    const text = allText(replies);
    assert.ok(text.includes(SOURCE), text.slice(0, 200));
    assert.match(text, /Fearless/);
    assert.ok(buttonsOf(replies).includes('Looking for how to report?'));
    // On the web the same words, asked by a resident, open the reporting journey.
    assert.ok(!allText(await ask(web, 'How can people report crime anonymously?')).includes(SOURCE));
  });

  it('in Teams still opens the journey that is clearly asked for', async () => {
    const report = allText(await ask(teams, 'I want to report a crime'));
    assert.ok(!report.includes(SOURCE));
    assert.match(report, /cannot take a report/);
    const workshop = allText(await ask(teams, 'are the workshops run on weekends'));
    assert.ok(
      !workshop.includes(SOURCE),
      'a workshop question goes to the workshop journey, not commitment 4f',
    );
  });

  it('inside the plan journey, "what do you hold about me" goes to the privacy journey', async () => {
    const who = { userId: 'privacy-asker', conversationId: 'privacy-chat' };
    assert.ok(allText(await web.say('What are the 5Cs?', who)).includes(SOURCE));
    const text = allText(await web.say('what do you hold about me', who));
    assert.ok(!text.includes(SOURCE), text.slice(0, 200));
    assert.match(text, /privacy notice/i);
  });
});

describe('plan declines: "the plan does not say", with where to look', () => {
  let bot: TestBot;
  before(async () => {
    bot = await startTestBot({ channelId: 'msteams' });
  });
  after(() => bot.close());

  let n = 0;
  for (const question of [
    'Who chairs the SKP board?',
    "Richmond's community safety priorities",
    'Who is the borough commander?',
    'When is the next partnership board meeting?',
    'What is the partnership annual budget?',
  ]) {
    it(`declines "${question}" with no source line`, async () => {
      const text = allText(await bot.say(question, { userId: `d${++n}`, conversationId: `d${n}` }));
      assert.match(text, /The plan does not say/);
      assert.match(text, /https:\/\/www\.kingston\.gov\.uk/, 'says where such facts are published');
      assert.ok(!text.includes('Source:'), text.slice(0, 200));
    });
  }

  it('tells other boroughs apart from the Kingston and Richmond children’s partnership', async () => {
    const text = allText(
      await bot.say('What is the Kingston and Richmond Safeguarding Children’s Partnership?', {
        userId: 'd-kr',
        conversationId: 'd-kr',
      }),
    );
    assert.ok(text.includes('Source:'), text.slice(0, 200));
    assert.match(text, /Kingston and Richmond Safeguarding Children's Partnership/);
  });
});

describe('plan follow-ups: a short question that names no topic', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot({ channelId: 'msteams' });
  });
  afterEach(() => bot.close());

  it('reads "and for housing?" and "who leads on that?" against what was just answered', async () => {
    assert.match(allText(await bot.say('What makes an offender less likely to reoffend?')), /criminogenic/);
    assert.match(allText(await bot.say('and for housing?')), /Unmet housing needs and homelessness/);
    assert.match(allText(await bot.say('who leads on that?')), /responsible for delivering the plan/);
  });

  it('reads "what are its commitments?" against the priority just answered', async () => {
    assert.match(allText(await bot.say('What does VAWG mean?')), /violence against women and girls/);
    const text = allText(await bot.say('what are its commitments?'));
    assert.match(text, /3a co-produce a VAWG strategy/);
    assert.match(text, /3k tackle VAWG in night time economy venues/);
  });
});
