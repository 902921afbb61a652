// London wall-clock fields: right in winter and summer, and right again when asked twice in the
// same minute (the last minute is kept) or for a different minute straight after.
import assert from 'node:assert/strict';
import { londonParts } from '../../src/content/londonTime.js';

describe('London time', () => {
  it('gives the wall-clock fields in GMT and in BST', () => {
    assert.deepEqual(londonParts(new Date('2026-12-04T18:30:00Z')), {
      year: 2026,
      month: 12,
      day: 4,
      hour: 18,
      minute: 30,
    });
    assert.deepEqual(londonParts(new Date('2026-07-01T23:15:00Z')), {
      year: 2026,
      month: 7,
      day: 2,
      hour: 0,
      minute: 15,
    });
  });

  it('is right for the same minute asked twice, and for the next minute and the clocks going back', () => {
    const first = londonParts(new Date('2026-10-25T00:59:10Z'));
    first.hour = 99;
    assert.equal(
      londonParts(new Date('2026-10-25T00:59:50Z')).hour,
      1,
      'a caller changing its copy changes nothing',
    );
    // 01:00 UTC on 25 October 2026 the clocks go back: 01:59 BST is followed by 01:00 GMT.
    assert.deepEqual(londonParts(new Date('2026-10-25T01:00:00Z')), {
      year: 2026,
      month: 10,
      day: 25,
      hour: 1,
      minute: 0,
    });
  });
});
