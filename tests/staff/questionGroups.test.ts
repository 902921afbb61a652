import assert from 'node:assert/strict';
import { groupQuestions } from '../../src/staff/questionGroups.js';

describe('grouping unanswered questions', () => {
  it('puts different wordings of one question together, most frequent first', () => {
    const groups = groupQuestions([
      { text: 'where can I park for the workshop', count: 2 },
      { text: 'council tax bill', count: 1 },
      { text: 'Where do I park for workshops?', count: 3 },
      { text: 'parking for the workshop?', count: 1 },
      { text: 'my council tax', count: 1 },
    ]);
    assert.equal(groups.length, 2);
    assert.equal(groups[0].count, 6);
    assert.equal(groups[0].text, 'Where do I park for workshops?');
    assert.equal(groups[0].wordings, 3);
    assert.equal(groups[1].count, 2);
  });

  it('keeps unrelated questions apart', () => {
    const groups = groupQuestions([
      { text: 'bins collection day', count: 1 },
      { text: 'ward panel meeting dates', count: 1 },
    ]);
    assert.equal(groups.length, 2);
  });
});
