import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadContent } from '../../src/content/content.js';
import type { WardList } from '../../src/content/wards.js';
import { boundedEditDistance } from '../../src/text/editDistance.js';
import { MAX_CHARACTERS, MAX_WORDS, WardMatcher, type WardMatch } from '../../src/signups/wardMatcher.js';
import { plainWardMatch } from './plainWardMatch.js';

const answer = (m: WardMatch) =>
  m.kind === 'ward'
    ? m.ward.id
    : m.kind === 'several'
      ? `${m.label}: ${m.wards.map((w) => w.id).join(',')}`
      : '';

/** Names, short forms and place names with a typo or two, among ordinary words. */
function typedTexts(wards: WardList): fc.Arbitrary<string> {
  const names = [...wards.all.flatMap((w) => [w.name, ...w.aliases]), ...wards.places.map((p) => p.name)];
  const typo = fc
    .tuple(fc.constantFrom(...names), fc.nat(), fc.constantFrom('drop', 'swap', 'double', 'change', 'none'))
    .map(([name, at, how]) => {
      const i = at % name.length;
      if (how === 'drop') return name.slice(0, i) + name.slice(i + 1);
      if (how === 'swap') return name.slice(0, i) + name.slice(i + 1, i + 2) + name[i] + name.slice(i + 2);
      if (how === 'double') return name.slice(0, i) + name[i] + name.slice(i);
      if (how === 'change') return name.slice(0, i) + 'x' + name.slice(i + 1);
      return name;
    });
  const filler = fc.constantFrom('i live in', 'near', 'the', 'road', 'by the station', 'help', 'and', 'or');
  return fc.array(fc.oneof(typo, filler), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(' '));
}

describe('signups: ward matching, indexed and bounded', () => {
  let wards: WardList;
  let matcher: WardMatcher;
  before(async () => {
    wards = (await loadContent()).wards;
    matcher = new WardMatcher(wards);
  });

  it('gives the same answers as the plain rules (every name against every run of words)', () => {
    fc.assert(
      fc.property(typedTexts(wards), (text) => {
        assert.equal(answer(matcher.match(text)), answer(plainWardMatch(wards, text)), text);
      }),
      { numRuns: 200 },
    );
  });

  it('forgives typos in one- and several-word names, and asks where a place spans wards', () => {
    const one = (text: string) => answer(matcher.match(text));
    assert.equal(one('norbiotn'), 'norbiton', 'swapped letters');
    assert.equal(one('berylands'), 'berrylands');
    assert.equal(one('canbury gardns'), 'canbury-gardens');
    assert.equal(one('seething wels please'), 'st-marks-and-seething-wells');
    assert.equal(one('motspur prak'), 'motspur-park-and-old-malden-east');
    assert.equal(one('Chessington South and Malden Rushett'), 'chessington-south-and-malden-rushett');
    assert.equal(one('green lane and st james'), 'green-lane-and-st-james');
    assert.equal(one('King George’s'), 'king-georges-and-sunray');
    assert.equal(one('hook'), 'hook-and-chessington-north');
    assert.match(one('Chessingtn'), /^Chessington: /);
    assert.match(one('im in new malden near the high street'), /^New Malden: new-malden-village,/);
    assert.equal(one('kingston upon thames town centre'), 'kingston-town');
    assert.equal(one('bananas and custard'), '');
  });

  it('reads only the start of a long message', () => {
    const padding = Array.from({ length: MAX_WORDS }, () => 'hello').join(' ');
    assert.equal(answer(matcher.match(`tolworth ${padding}`)), 'tolworth');
    assert.equal(answer(matcher.match(`${padding} tolworth`)), '');
    assert.equal(answer(matcher.match(`${'.'.repeat(MAX_CHARACTERS)} tolworth`)), '');
  });

  it('measures few pairs, however long or full of near-miss names the message is', () => {
    let calls = 0;
    const counting = new WardMatcher(wards, {
      distance: (a, b, max) => {
        calls++;
        return boundedEditDistance(a, b, max);
      },
    });
    // Every name with one letter changed, then two: no two runs of words alike.
    const names = [...wards.all.map((w) => w.name), ...wards.places.map((p) => p.name)];
    const nearMisses = names
      .flatMap((name, i) =>
        [1, 2, 3].map((k) => name.slice(0, k + (i % 3)) + 'q' + name.slice(k + 1 + (i % 3))),
      )
      .join(' ');
    const tenThousand = (unit: string) => unit.repeat(Math.ceil(10_000 / unit.length)).slice(0, 10_000);
    for (const text of [
      tenThousand(nearMisses),
      tenThousand(`${nearMisses.replace(/q/g, '')} `),
      tenThousand('i would really like to help out somewhere round here '),
      tenThousand('x'),
      Array.from({ length: 2000 }, (_, i) => `place${i}`).join(' '),
    ]) {
      calls = 0;
      counting.match(text);
      // The plain rules measured every name against every run of up to five words: about 600,000
      // pairs for 10,000 characters.
      assert.ok(calls <= 2000, `${calls} distances for ${text.slice(0, 20)}...`);
    }
  });
});
