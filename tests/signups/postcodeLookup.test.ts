// The postcode lookup the volunteering journey asks before the ward matcher: any spacing and case,
// the longest listed prefix wins, a full postcode elsewhere is "outside", and words are not postcodes.
import assert from 'node:assert/strict';
import { postcodeEntrySchema } from '../../src/content/postcodes.js';
import { PostcodeLookup } from '../../src/signups/postcodeLookup.js';

const entry = (prefix: string, wards: string[], unconfirmed?: string) =>
  postcodeEntrySchema.parse({
    prefix,
    wards,
    ...(unconfirmed ? { unconfirmed } : {}),
    source: 'test fixture',
    reviewed: '2026-12-04',
  });

const lookup = new PostcodeLookup([
  entry('KT6', ['tolworth', 'alexandra'], 'spans wards'),
  entry('kt6 7', ['tolworth']),
]);

describe('postcode lookup', () => {
  it('reads a postcode in any spacing or case, and the sector entry wins over the district', () => {
    for (const text of ['KT6 7DG', 'kt67dg', 'my postcode is kt6  7dg thanks'])
      assert.deepEqual(
        lookup.find(text),
        { kind: 'wards', area: 'KT6 7', wardIds: ['tolworth'], confirmed: true },
        text,
      );
  });

  it('falls back to the district, flagged when it needs checking', () => {
    assert.deepEqual(lookup.find('KT6 1AB'), {
      kind: 'wards',
      area: 'KT6',
      wardIds: ['tolworth', 'alexandra'],
      confirmed: false,
    });
    assert.equal(lookup.find('KT6')?.kind, 'wards');
  });

  it('names a full postcode elsewhere as outside, and ignores words and unknown districts', () => {
    assert.deepEqual(lookup.find('SW1A 1AA'), { kind: 'outside', postcode: 'SW1A 1AA' });
    assert.equal(lookup.find('A1'), undefined);
    assert.equal(lookup.find('Tolworth'), undefined);
    assert.equal(lookup.find('KT66'), undefined);
  });
});
