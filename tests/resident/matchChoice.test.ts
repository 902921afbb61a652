import assert from 'node:assert/strict';
import { matchChoice } from '../../src/content/matchChoice.js';

const choices = [
  { id: 'a', label: 'Sit nearby and ask her something', keywords: ['ask her', 'sit near', 'talk to her'] },
  { id: 'b', label: 'Tell the bus driver', keywords: ['driver', 'tell the driver', 'staff'] },
  {
    id: 'c',
    label: 'Loudly tell him to leave her alone',
    keywords: ['tell him', 'leave her alone', 'confront'],
  },
  { id: 'd', label: 'Do nothing', keywords: ['nothing', 'ignore'] },
];

const id = (text: string, extra = {}, options = {}) => matchChoice(text, choices, extra, options)?.id;

describe('understanding a free-text answer to a choice', () => {
  it('takes a number, a letter or an ordinal for the listed position', () => {
    assert.equal(id('2'), 'b');
    assert.equal(id('Option 3'), 'c');
    assert.equal(id('d'), 'd');
    assert.equal(id('the first one'), 'a');
    assert.equal(id('last'), 'd');
    assert.equal(id('9'), undefined);
  });

  it('ignores positions when asked to (opening words are not answers to a list)', () => {
    assert.equal(id('2', {}, { byPosition: false }), undefined);
  });

  it('takes the label itself, in any case and punctuation', () => {
    assert.equal(id('tell the BUS driver!'), 'b');
  });

  it('takes keywords when they point to one choice more than any other', () => {
    assert.equal(id("I'd go and have a word with the driver"), 'b');
    assert.equal(id('I would tell him to leave her alone'), 'c');
  });

  it('compares words by their stem', () => {
    assert.equal(id('ignoring it'), 'd');
    assert.equal(id('telling the drivers'), 'b');
  });

  it('gives nothing when words point equally to two choices, or to none', () => {
    assert.equal(id('confront or ignore'), undefined);
    assert.equal(id('it depends really'), undefined);
    assert.equal(id(''), undefined);
  });

  it('does not count a keyword that follows a negation', () => {
    assert.equal(id("I wouldn't ignore it, I'd tell the driver"), 'b');
    assert.equal(id('not the driver'), undefined);
  });

  it('counts extra words given per choice, such as a technique name', () => {
    assert.equal(id('distract', { a: ['distract'] }), 'a');
  });
});
