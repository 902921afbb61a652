// Crisis in the middle of every prompt of every dialog: whatever journeys exist when this runs,
// each is walked prompt by prompt; at each prompt a crisis message gets 999 first, and after
// "Back to where I was" the prompt is asked again, the dialog stack unchanged, and the walk goes on.
import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { JOURNEY_ROUTES, type JourneyRoute } from '../../src/content/conversation.js';
import { startTestBot, textOf, type TestBot } from '../support/botHarness.js';
import { withInstantJourney } from '../support/instantJourney.js';
import {
  answerFor,
  dialogIsWaiting,
  dialogStack,
  promptText,
  remember,
  type WalkMemory,
} from './walkJourney.js';

/** One emergency per hazard (knowledge/safeguarding/), each sent at every prompt. */
const CRISES = [
  'I want to kill myself',
  "i don't want to be here anymore",
  'my toddler drank bleach',
  'my partner is hitting me',
  'i was just raped',
  'a gang is beating a man up outside',
  "he's outside with a knife",
  'the flat downstairs is on fire',
  'someone is driving a van into people',
  'my child is missing',
  'my dad collapsed and is not breathing',
  'someone is following me',
  'they have locked me in and took my passport',
  'please call the police, I am in danger',
];
const MAX_PROMPTS = 15;

/** A journey that completes at once, so the feedback prompts after every journey are walked too. */
const messages = (replies: Partial<Activity>[]) => replies.filter((a) => a.type === 'message');

async function walkWithCrises(
  bot: TestBot,
  route: JourneyRoute,
  answers: (string | Partial<Activity>)[] = [],
  memory: WalkMemory = {},
  opening: string | Partial<Activity> = { text: '', value: { journey: route } },
): Promise<number> {
  const { safeguarding } = bot.services.content;
  const back = safeguarding.text.buttons.back;
  let replies: Partial<Activity>[] = await bot.say(opening);
  let prompts = 0;
  while (prompts < MAX_PROMPTS && (await dialogIsWaiting(bot))) {
    const where = `${route} prompt ${prompts + 1} ("${promptText(replies).slice(0, 60)}")`;
    const stack = await dialogStack(bot);
    for (const text of CRISES) {
      const crisis = await bot.say(text);
      assert.equal(crisis[0]?.type, 'message', `${where}: a reply to "${text}"`);
      assert.match(textOf(crisis[0]).split('\n')[0], /\b999\b/, `${where}: 999 first for "${text}"`);
      assert.deepEqual(await dialogStack(bot), stack, `${where}: the journey is kept as it was`);
      const resumed = messages(await bot.say(back));
      assert.equal(textOf(resumed[0] ?? {}), safeguarding.reply('resumed'), `${where}: goes back`);
      // The dialog then asks again: the same prompt, or its own way of asking again (repromptDialog).
      assert.ok(resumed.length >= 2, `${where}: the prompt is asked again after "${text}"`);
      assert.deepEqual(await dialogStack(bot), stack, `${where}: and is still where it was`);
    }
    remember(memory, replies);
    replies = await bot.say(answers[prompts] ?? answerFor(replies, prompts, memory));
    prompts++;
  }
  return prompts;
}

describe('safeguarding: crisis in the middle of every prompt of every dialog', () => {
  let bot: TestBot;
  afterEach(() => bot.close());

  for (const route of JOURNEY_ROUTES)
    it(`answers a crisis first at every prompt of the ${route} journey, which then carries on`, async () => {
      bot = await startTestBot();
      // A journey that looks up an earlier booking (privacy) is walked after making one.
      const memory: WalkMemory = {};
      if (route === 'privacy') await walkWithCrises(bot, 'workshop', [], memory);
      const prompts = await walkWithCrises(bot, route, [], memory);
      const built = bot.bot.mainDialog.findDialog(route)?.constructor.name !== 'ComingSoonDialog';
      if (built) assert.ok(prompts >= 1, `${route} is built, so at least one prompt was walked`);
    });

  it('does the same at every prompt of managing a workshop booking, once one is made', async function () {
    bot = await startTestBot();
    if (bot.bot.mainDialog.findDialog('workshop')?.constructor.name === 'ComingSoonDialog') this.skip();
    const memory: WalkMemory = {};
    await walkWithCrises(bot, 'workshop', [], memory);
    assert.ok(memory.reference, 'the booking gave a reference');
    const reference = memory.reference ?? '';
    // "Keep it", not the first button ("Cancel it"), so the booking is still there to cancel below.
    const keeping = [reference, 'sam.walker@example.org', 'Keep it'];
    const prompts = await walkWithCrises(bot, 'workshop', keeping, memory, 'manage my workshop booking');
    assert.ok(prompts >= 3, `walked ${prompts} prompts of managing a booking`);
    // And the way that cancels it, through the "are you sure?" question.
    const answers = [reference, 'sam.walker@example.org', 'cancel it', 'yes'];
    const cancelling = await walkWithCrises(bot, 'workshop', answers, memory, 'manage my workshop booking');
    assert.ok(cancelling >= 3, `walked ${cancelling} prompts of cancelling a booking`);
  });

  it('does the same at every prompt of the feedback that follows a journey', async () => {
    await withInstantJourney('themes', async () => {
      bot = await startTestBot();
      const prompts = await walkWithCrises(bot, 'themes', ['No', 'Skip']);
      assert.ok(prompts >= 2, `walked ${prompts} prompts (answer and comment)`);
    });
  });
});
