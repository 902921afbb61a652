import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { boundedEditDistance } from '../../src/text/editDistance.js';

interface NaturalDistance {
  DamerauLevenshteinDistance(a: string, b: string, options?: { restricted?: boolean }): number;
}
const natural = createRequire(import.meta.url)(
  'natural/lib/natural/distance/levenshtein_distance.js',
) as NaturalDistance;

// Few letters, so that swaps, repeats and shared letters come up often.
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', ' '), maxLength: 9 });

describe('text: edit distances', () => {
  it('gives natural restricted numbers up to the limit, and limit + 1 beyond it', () => {
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 4 }), (a, b, max) => {
        const full = natural.DamerauLevenshteinDistance(a, b, { restricted: true });
        assert.equal(boundedEditDistance(a, b, max), Math.min(full, max + 1));
      }),
      { numRuns: 3000 },
    );
    assert.equal(boundedEditDistance('ca', 'abc', 5), 3);
    assert.equal(boundedEditDistance('volunter', 'volunteer', 1), 1);
    assert.equal(boundedEditDistance('completely', 'different', 2), 3);
    assert.equal(boundedEditDistance('norbiotn', 'norbiton', 1), 1, 'a swap is one edit');
    assert.equal(boundedEditDistance('', 'kingston', 9), 8);
    assert.equal(boundedEditDistance('tolworth', 'tolworth', 0), 0);
  });
});
