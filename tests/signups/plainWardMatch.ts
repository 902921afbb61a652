// The ward-matching rules written plainly, as they were before the matcher was indexed and
// bounded: every name and short form against every run of up to five words, with natural's edit
// distance (restricted: natural's unrestricted one gives 0 for "a " and "a  ", which made the
// matcher accept a few far-off runs of words). tests/signups/wardMatcher.test.ts checks the fast
// matcher gives the same answers.
import { createRequire } from 'node:module';
import type { Ward, WardList } from '../../src/content/wards.js';
import { normaliseWardText, type WardMatch } from '../../src/signups/wardMatcher.js';

const natural = createRequire(import.meta.url)('natural/lib/natural/distance/levenshtein_distance.js') as {
  DamerauLevenshteinDistance(a: string, b: string, options: { restricted: boolean }): number;
};

const FILLER = new Set(
  'i im am live living in at near the ward area of my is its it our we are from around by round'.split(' '),
);

function allowedEdits(length: number): number {
  if (length <= 4) return 0;
  if (length <= 8) return 1;
  if (length <= 14) return 2;
  return 3;
}

export function plainWardMatch(wards: WardList, text: string): WardMatch {
  const keys: { text: string; tokens: number; wards: Ward[]; label: string; weight: number }[] = [];
  const add = (name: string, wardsFor: Ward[], label: string, weight: number) => {
    const t = normaliseWardText(name);
    if (t) keys.push({ text: t, tokens: t.split(' ').length, wards: wardsFor, label, weight });
  };
  for (const ward of wards.all) {
    add(ward.name, [ward], ward.name, 3);
    add(ward.id.replace(/-/g, ' '), [ward], ward.name, 3);
    for (const alias of ward.aliases) add(alias, [ward], ward.name, 2);
    for (const part of normaliseWardText(ward.name).split(' and ')) add(part, [ward], ward.name, 2);
  }
  for (const place of wards.places)
    add(
      place.name,
      place.wards.map((id) => wards.get(id)).filter((w): w is Ward => !!w),
      place.name,
      1,
    );

  const words = normaliseWardText(text)
    .split(' ')
    .filter((w) => w && !FILLER.has(w));
  if (words.length === 0) return { kind: 'none' };
  const grams = new Set<string>();
  for (let n = 1; n <= Math.min(5, words.length); n++)
    for (let i = 0; i + n <= words.length; i++) grams.add(words.slice(i, i + n).join(' '));
  let best: { key: (typeof keys)[number]; rank: number }[] = [];
  for (const key of keys) {
    for (const gram of grams) {
      if (Math.abs(gram.split(' ').length - key.tokens) > 1) continue;
      const edits =
        gram === key.text ? 0 : natural.DamerauLevenshteinDistance(gram, key.text, { restricted: true });
      if (edits > allowedEdits(key.text.length)) continue;
      const rank = key.text.length * 10 - edits * 25 + key.weight;
      if (!best.length || rank > best[0].rank) best = [{ key, rank }];
      else if (rank === best[0].rank) best.push({ key, rank });
    }
  }
  if (!best.length) return { kind: 'none' };
  const found = [...new Map(best.flatMap((b) => b.key.wards).map((w) => [w.id, w])).values()];
  if (found.length === 1) return { kind: 'ward', ward: found[0] };
  return { kind: 'several', label: best[0].key.label, wards: found };
}
