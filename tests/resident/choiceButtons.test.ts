import assert from 'node:assert/strict';
import type { CardAction } from 'botbuilder';
import { allText, buttonsOf, startTestBot } from '../support/botHarness.js';
import { adaptiveCardProblems, adaptiveCardsIn } from '../support/adaptiveCardCheck.js';
import { KeywordRecogniser } from '../../src/understanding/keywordRecogniser.js';
import { Chat } from './journeySteps.js';

describe('answer buttons in the resident journeys', () => {
  it('send the answer as a value with no text, so the bot never reads its own words as the person’s', async () => {
    const chat = new Chat(await startTestBot());
    try {
      const replies = await chat.type('Report something');
      const actions: CardAction[] = replies.flatMap((r) => r.suggestedActions?.actions ?? []);
      assert.ok(actions.length >= 7);
      for (const action of actions) {
        assert.equal(action.type, 'messageBack');
        assert.equal(action.text, undefined);
        assert.equal(action.displayText, action.title, 'the chat shows what was tapped');
        assert.deepEqual(Object.keys(action.value as object).sort(), ['choice', 'question']);
      }
    } finally {
      await chat.bot.close();
    }
  });

  it('take a tapped answer even when a recogniser reads the button’s words as a crisis', async () => {
    const keywords = new KeywordRecogniser();
    const bot = await startTestBot({
      services: {
        recogniser: {
          recognise: (text) =>
            /999/.test(text) ? { route: 'crisis', score: 0.99, alternatives: [] } : keywords.recognise(text),
        },
      },
    });
    const chat = new Chat(bot);
    try {
      await chat.sendActivity({ value: { journey: 'bystander' } });
      await chat.tap('Start the situations');
      await chat.tap('Tell the bus driver what is happening');
      assert.match(allText(await chat.tap('Call 999')), /Someone who cannot stand may not be able to say no/);
      // Typed words that the recogniser reads as a crisis are never taken as an answer.
      assert.doesNotMatch(allText(await chat.type('Call 999')), /Good choice|Situation 3 of 9/);
    } finally {
      await bot.close();
    }
  });

  it('ignore a button left over from another question, and a forged value', async () => {
    const chat = new Chat(await startTestBot());
    try {
      await chat.type('Report something');
      const old = chat.last;
      await chat.tap('A hate crime or hate incident');
      chat.last = old; // the person scrolls up and taps a button from the first question
      assert.match(allText(await chat.tap('Fraud or a scam')), /not sure which one you mean/);
      const forged = await chat.sendActivity({
        value: { choice: 'delete-everything', question: 'report:hate-how' },
      });
      assert.match(allText(forged), /not sure which one you mean/);
      assert.match(allText(await chat.tap('To the police')), /Report a hate crime to the police/);
    } finally {
      await chat.bot.close();
    }
  });

  it('are card buttons in Teams (which shows only three suggested actions), valid at 1.5', async () => {
    const chat = new Chat(await startTestBot({ channelId: 'msteams' }));
    try {
      await chat.type('Find support');
      const cards = adaptiveCardsIn(chat.last);
      assert.equal(cards.length, 1);
      assert.deepEqual(adaptiveCardProblems(cards[0].content), []);
      assert.ok(buttonsOf(chat.last).includes('Housing or homelessness'));
      await chat.tap('Housing or homelessness');
      assert.match(allText(await chat.tap('Anyone (no preference)')), /020 8547 5000/);
    } finally {
      await chat.bot.close();
    }
  });
});
