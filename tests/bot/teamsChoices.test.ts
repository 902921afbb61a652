// In Teams a pressed card button shows in the chat as the person's message (messageBack with the
// button's words as displayText), and the bot still gets the button's value.
import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { choiceValue, showChoicesInTeams } from '../../src/bot/teamsChoices.js';
import { allText, startTestBot, type TestBot } from '../support/botHarness.js';
import { adaptiveCardProblems, adaptiveCardsIn } from '../support/adaptiveCardCheck.js';

type Submit = { title: string; data: Record<string, unknown> & { msteams?: Record<string, unknown> } };

function submitsIn(activities: Partial<Activity>[]): Submit[] {
  const found: Submit[] = [];
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (n.type === 'Action.Submit') found.push(n as unknown as Submit);
    Object.values(n).forEach(visit);
  };
  for (const a of activities) (a.attachments ?? []).forEach((att) => visit(att.content));
  return found;
}

describe('card buttons in Teams', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot({ channelId: 'msteams' });
  });
  afterEach(() => bot.close());

  it('carry their own words as displayText, with the value the dialogs read', async () => {
    const replies = await bot.say('Report something');
    const submits = submitsIn(replies);
    assert.ok(submits.length >= 5, 'the report question has card buttons in Teams');
    for (const { title, data } of submits) {
      assert.equal(data.msteams?.type, 'messageBack');
      assert.equal(data.msteams?.displayText, title, 'the chat shows what was pressed');
      const { msteams, ...own } = data;
      assert.deepEqual(msteams?.value, own, 'Teams sends the same value whichever part it reads');
      assert.equal(msteams?.text, undefined, 'no words reach the bot as if typed');
    }
    for (const card of adaptiveCardsIn(replies)) assert.deepEqual(adaptiveCardProblems(card.content), []);
  });

  for (const form of ['msteams.value only', 'the whole data'] as const) {
    it(`move the journey on when Teams sends ${form}`, async () => {
      const first = await bot.say('Report something');
      const fraud = submitsIn(first).find((s) => /fraud|scam/i.test(s.title));
      assert.ok(fraud, 'a fraud button');
      const value = form === 'the whole data' ? fraud.data : fraud.data.msteams!.value;
      const next = allText(await bot.say({ value }));
      assert.doesNotMatch(next, /not sure which one you mean/);
      assert.match(next, /Action Fraud/i);
    });
  }

  it('leave cards with inputs (forms) and other channels alone', async () => {
    const form = {
      type: 'AdaptiveCard',
      body: [{ type: 'Input.Text', id: 'name' }],
      actions: [{ type: 'Action.Submit', title: 'Book', data: { action: 'workshop.book' } }],
    };
    assert.deepEqual(showChoicesInTeams(form), form);
    const web = await startTestBot({ channelId: 'directline' });
    try {
      const volunteer = await web.say('I want to volunteer');
      for (const { data } of submitsIn(volunteer)) assert.equal(data.msteams, undefined);
    } finally {
      await web.close();
    }
  });

  it('reads back a value without its msteams part, and leaves other values as they are', () => {
    assert.deepEqual(choiceValue({ a: 1, msteams: { type: 'messageBack', value: { a: 1 } } }), { a: 1 });
    assert.deepEqual(choiceValue({ msteams: { type: 'messageBack', value: { b: 2 } } }), { b: 2 });
    assert.deepEqual(choiceValue({ c: 3 }), { c: 3 });
    assert.equal(choiceValue('text'), 'text');
  });
});
