// Crisis in the middle of every prompt of every dialog: whatever journeys exist when this runs,
// each is walked prompt by prompt; at each prompt a crisis message gets 999 first, and after
// "Back to where I was" the same prompt is asked again and the journey carries on.
import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { JOURNEY_ROUTES, type JourneyRoute } from '../../src/content/conversation.js';
import { journeyFactories } from '../../dialogs/journeyRegistry.js';
import { allText, startTestBot, textOf, type TestBot } from '../support/botHarness.js';
import { answerFor, dialogIsWaiting, promptText } from './walkJourney.js';

const CRISES = [
  'I want to kill myself',
  "he's outside with a knife",
  'my partner is hitting me',
  "i don't want to be here anymore",
  'someone is following me',
];
const MAX_PROMPTS = 15;

/** A journey that completes at once, so the feedback prompts after every journey are walked too. */
class InstantJourney extends Dialog {
  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    await dc.context.sendActivity('Here is what you asked for.');
    return dc.endDialog({ completed: true });
  }
}

async function walkWithCrises(
  bot: TestBot,
  route: JourneyRoute,
  answers: (string | Partial<Activity>)[] = [],
): Promise<number> {
  const back = bot.services.content.safeguarding.text.buttons.back;
  let replies: Partial<Activity>[] = await bot.say({ text: '', value: { journey: route } });
  let prompts = 0;
  while (prompts < MAX_PROMPTS && (await dialogIsWaiting(bot))) {
    const prompt = promptText(replies);
    const crisis = await bot.say(CRISES[prompts % CRISES.length]);
    assert.equal(crisis[0]?.type, 'message', `${route} prompt ${prompts + 1}: a reply`);
    assert.match(textOf(crisis[0]).split('\n')[0], /\b999\b/, `${route} prompt ${prompts + 1}: 999 first`);
    assert.ok(await dialogIsWaiting(bot), `${route} prompt ${prompts + 1}: the journey is kept`);
    const resumed = await bot.say(back);
    assert.ok(
      allText(resumed).includes(prompt),
      `${route} prompt ${prompts + 1}: "${prompt}" is asked again, got "${allText(resumed)}"`,
    );
    replies = await bot.say(answers[prompts] ?? answerFor(replies, prompts));
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
      await walkWithCrises(bot, route);
    });

  it('does the same at every prompt of the feedback that follows a journey', async () => {
    const original = journeyFactories.themes;
    journeyFactories.themes = () => new InstantJourney('themes');
    try {
      bot = await startTestBot();
      const prompts = await walkWithCrises(bot, 'themes', ['No', 'Skip']);
      assert.ok(prompts >= 2, `walked ${prompts} prompts (answer and comment)`);
    } finally {
      journeyFactories.themes = original;
    }
  });
});
