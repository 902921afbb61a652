import assert from 'node:assert/strict';
import { normalise } from '../../src/understanding/normalise.js';
import { sharedRecogniser } from './sharedRecogniser.js';

describe('understanding: normalising what people type', () => {
  it('spells out contractions, with or without apostrophes', () => {
    assert.equal(normalise("I can’t and I won't"), 'i can not and i will not');
    assert.equal(normalise('dont know, im lost'), 'do not know, i am lost');
  });

  it('maps American spellings, shorthand and common misspellings', () => {
    assert.equal(normalise('neighborhood watch'), 'neighbourhood watch');
    assert.equal(normalise('can u help pls'), 'can you help please');
    assert.equal(normalise('volenteer harrasment'), 'volunteer harassment');
  });

  it('reads contact details and references as placeholders, not as words', () => {
    assert.equal(
      normalise('I booked as jo@example.org, ref HC-7KQ4M-2XD9P, KT1 1EU, 07700 900123'),
      'i booked as emailaddress , ref bookingreference , postcode , phonenumber',
    );
  });

  it('never reads an answer like an email address as a request for help or to cancel', async () => {
    const { recogniser } = await sharedRecogniser();
    for (const text of ['sam@example.org', '07700 900123', 'move it', 'keep it', '2 please', 'Sam Walker']) {
      const { route, score } = recogniser.recognise(text, { activeJourney: 'workshop' });
      assert.ok(!((route === 'help' || route === 'cancel') && score >= 0.6), `${text}: ${route} ${score}`);
    }
  });

  it('understands the same request however it is spelled', async () => {
    const { recogniser } = await sharedRecogniser();
    for (const text of [
      'how do I join neighborhood watch',
      'how do i join neighbourhod wach',
      'HOW DO I JOIN NEIGHBOURHOOD WATCH',
    ])
      assert.equal(recogniser.recognise(text).route, 'volunteer', text);
  });

  it('reads negation: not wanting to report is not the report route', async () => {
    const { recogniser } = await sharedRecogniser();
    assert.equal(
      recogniser.recognise("I don't want to report it, I just need someone to talk to").route,
      'support',
    );
  });

  it('gives alternatives, best first, without the chosen route', async () => {
    const { recogniser } = await sharedRecogniser();
    const result = recogniser.recognise('hate crime');
    assert.ok(result.alternatives.length >= 2);
    assert.ok(!result.alternatives.some((a) => a.route === result.route));
    assert.ok(result.alternatives[0].score >= result.alternatives[1].score);
    assert.ok(result.score >= result.alternatives[0].score);
  });
});
