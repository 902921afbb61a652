import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { UnderstandingMiddleware } from '../../src/bot/understandingMiddleware.js';
import { ThemesDialog } from '../../dialogs/themesDialog.js';
import { isoWeek } from '../../src/insights/isoWeek.js';
import { allText, buttonsOf, startTestBot, type TestBot } from '../support/botHarness.js';

const SOURCE = 'Safer Kingston Partnership Plan 2024-2029, section';

function card(replies: Partial<Activity>[]): Record<string, unknown> {
  const attachment = replies.flatMap((r) => r.attachments ?? [])[0];
  assert.ok(attachment, 'expected a card');
  assert.equal(attachment.contentType, 'application/vnd.microsoft.card.adaptive');
  return attachment.content as Record<string, unknown>;
}

const press = (value: Record<string, string>) => ({ text: '', value: { journey: 'themes', ...value } });

describe('themes journey: questions about the plan', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot();
  });
  afterEach(() => bot.close());

  it('is the registered journey for the themes route', () => {
    assert.ok(bot.bot.mainDialog.findDialog('themes') instanceof ThemesDialog);
  });

  it('answers straight away from the words that opened it, with the source and two related topics', async () => {
    const replies = await bot.say('What are the 5Cs in the plan?');
    const content = card(replies);
    assert.equal(content.version, '1.5');
    const text = allText(replies);
    assert.match(text, /Collaboration/);
    assert.match(text, /Community consensus/);
    assert.ok(text.includes(`${SOURCE} "Principles"`), text);
    const buttons = buttonsOf(replies);
    const related = bot.services.content.plan.topic('five-cs').related.slice(0, 2);
    for (const id of related) assert.ok(buttons.includes(bot.services.content.plan.topic(id).title));
    assert.ok(buttons.includes('Browse the plan'));
  });

  it('keeps answering follow-up questions in the journey, acronyms and typos included', async () => {
    await bot.say('tell me about the plan priorities');
    const capricorn = allText(await bot.say('what is capricron?'));
    assert.match(capricorn, /Collaborative approaches to preventing offending/);
    assert.ok(capricorn.includes(`${SOURCE} "Cross cutting themes: Reducing reoffending"`));
    const vvrap = allText(await bot.say('VVRAP'));
    assert.match(vvrap, /Violence and Vulnerability Reduction Action Plan/);
  });

  it('opens from a plan question the recogniser cannot place, but not from other questions', async () => {
    const svsna = allText(await bot.say('What is an SVSNA?'));
    assert.match(svsna, /serious violence strategic needs assessment/i);
    assert.ok(svsna.includes(SOURCE));
    await bot.say('cancel');
    const weather = allText(await bot.say('What is the weather tomorrow?'));
    assert.ok(!weather.includes(SOURCE));
    assert.doesNotMatch(weather, /The plan does not say/);
  });

  it('offers the browse menu when opened from its button', async () => {
    const replies = await bot.say('About the partnership plan');
    assert.deepEqual(buttonsOf(replies), [
      'The four priorities',
      'The six cross-cutting themes',
      'All other topics',
    ]);
  });

  it('browses priority -> commitment', async () => {
    await bot.say('About the partnership plan');
    const priorities = await bot.say(press({ planAction: 'priorities' }));
    const titles = bot.services.content.plan.priorities().map((t) => t.title);
    assert.equal(titles.length, 4);
    for (const title of titles) assert.ok(buttonsOf(priorities).includes(title), title);

    const priority = await bot.say(press({ planAction: 'topic', id: 'priority-2' }));
    const listed = allText(priority);
    for (const code of 'abcdefghijkl') assert.ok(listed.includes(`2${code}.`), `commitment 2${code} listed`);
    assert.ok(listed.includes(`${SOURCE} "Priorities and commitments: 2.`));

    const chosen = allText(await bot.say(press({ planAction: 'passage', id: 'priority-2/4' })));
    assert.match(chosen, /2c\. Reduce the impact of serious organised crime/);
    assert.ok(chosen.includes(SOURCE));
  });

  it('browses theme -> passage', async () => {
    const themes = await bot.say(press({ planAction: 'themes' }));
    const text = allText(themes);
    for (const theme of bot.services.content.plan.themes())
      assert.ok(text.includes(theme.title), theme.title);
    const topic = allText(await bot.say(press({ planAction: 'topic', id: 'theme-mental-health' })));
    assert.match(topic, /What does the plan say about suicide and self-harm\?/);
    const passage = allText(await bot.say(press({ planAction: 'passage', id: 'theme-mental-health/3' })));
    assert.match(passage, /2 to 3 times/);
  });

  it('says it does not know, offers the closest topics and keeps the question without personal data', async () => {
    await bot.say('About the partnership plan');
    const replies = await bot.say('How much is council tax? Email jo@example.com or call 07700 900123');
    const text = allText(replies);
    assert.match(text, /The plan does not say/);
    assert.match(text, /council's website, https:\/\/www\.kingston\.gov\.uk/, 'where to look instead');
    assert.ok(!text.includes('Source:'), 'no source line on a decline');
    assert.match(text, /kept, without personal details/);
    assert.ok(buttonsOf(replies).length >= 3, 'closest topics and the menu');

    const [week] = await bot.services.insights.weeks([isoWeek(new Date())]);
    const kept = Object.values(week.questions);
    assert.equal(kept.length, 1);
    assert.match(kept[0].text, /council tax/);
    assert.equal(kept[0].kind, 'no_answer');
    assert.doesNotMatch(JSON.stringify(week), /jo@example\.com|07700|900123/);
  });

  it('shows the menu, not an error, for a forged or stale button', async () => {
    const forged: Record<string, string>[] = [
      { planAction: 'passage', id: '../../etc/passwd' },
      { planAction: 'topic', id: 'no-such-topic' },
      { planAction: 'passage', id: 'priority-1/99' },
      { planAction: 'drop-tables' },
    ];
    for (const value of forged) {
      const replies = await bot.say(press(value));
      assert.ok(buttonsOf(replies).includes('The four priorities'), JSON.stringify(value));
    }
  });

  it('leaves the journey on cancel, and for another journey asked for plainly', async () => {
    await bot.say('About the partnership plan');
    assert.match(allText(await bot.say('cancel')), /I've stopped that/);
    await bot.say('About the partnership plan');
    const handoff = allText(await bot.say('I want to volunteer'));
    assert.doesNotMatch(handoff, /The plan does not say/);
    assert.ok(!handoff.includes(SOURCE), 'the volunteer journey answers, not the plan');
    const [week] = await bot.services.insights.weeks([isoWeek(new Date())]);
    assert.ok(
      Object.keys(week.counts).some((k) => k.startsWith('journey_started|volunteer|')),
      'the main dialog opened the volunteer journey itself',
    );
  });
});

describe('themes journey opened from a deep link', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot();
  });
  afterEach(() => bot.close());

  const client = (start: Record<string, string>) =>
    new DialogTestClient('test', new ThemesDialog(bot.services), { start }, [
      new UnderstandingMiddleware(bot.services.recogniser, bot.services.content.conversation),
    ]);

  it('opens the topic or passage the link names', async () => {
    const topic = await client({ topic: 'five-cs' }).sendActivity('hi');
    assert.match(allText([topic]), /What are the 5Cs\?/);
    const passage = await client({ passage: 'priority-4/10' }).sendActivity('hi');
    assert.match(allText([passage]), /4i\. Promote volunteering/);
  });

  it('offers the menu for a link that names nothing in the plan', async () => {
    const reply = await client({ topic: '../secrets' }).sendActivity('hi');
    assert.ok(buttonsOf([reply]).includes('The four priorities'));
  });

  it('keeps its place on help and asks for the next question', async () => {
    const c = client({ topic: 'five-cs' });
    await c.sendActivity('hi');
    const help = await c.sendActivity('help');
    assert.match(allText([help]), /in your own words/);
    assert.match(allText([c.getNextReply()]), /Ask another question about the plan/);
  });
});

describe('themes journey on channels without cards', () => {
  it('answers in plain text with the source line and the related topics', async () => {
    const bot = await startTestBot({ channelId: 'sms' });
    try {
      const replies = await bot.say('How does the plan define serious violence?');
      assert.equal(replies.flatMap((r) => r.attachments ?? []).length, 0);
      const text = allText(replies);
      assert.match(text, /under the age of 25/);
      assert.ok(text.includes(`${SOURCE} "Serious Violence Duty"`));
      assert.match(text, /Related topics:/);
    } finally {
      await bot.close();
    }
  });
});
