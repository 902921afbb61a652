// Finds the ward someone means from what they typed: ward names, short forms, place names that
// span several wards, and typos ("new maldon", "surbitn", "st marks").
import type { Place, Ward, WardList } from '../content/wards.js';
import { editDistance } from './stringDistance.js';

export type WardMatch =
  | { kind: 'ward'; ward: Ward }
  /** The text names a place or is close to several wards: ask which one. */
  | { kind: 'several'; label: string; wards: Ward[] }
  | { kind: 'none' };

const FILLER = new Set(
  'i im am live living in at near the ward area of my is its it our we are from around by round'.split(' '),
);

export function normaliseWardText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['\u2019`]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\bsaint\b/g, 'st')
    .trim();
}

interface Key {
  text: string;
  tokens: number;
  wards: Ward[];
  label: string;
  /** Full ward names outrank short forms, which outrank place names. */
  weight: number;
}

function allowedEdits(length: number): number {
  if (length <= 4) return 0;
  if (length <= 8) return 1;
  if (length <= 14) return 2;
  return 3;
}

export class WardMatcher {
  private readonly keys: Key[] = [];

  constructor(private readonly wards: WardList) {
    const add = (text: string, wardsFor: Ward[], label: string, weight: number) => {
      const t = normaliseWardText(text);
      if (t) this.keys.push({ text: t, tokens: t.split(' ').length, wards: wardsFor, label, weight });
    };
    for (const ward of wards.all) {
      add(ward.name, [ward], ward.name, 3);
      add(ward.id.replace(/-/g, ' '), [ward], ward.name, 3);
      for (const alias of ward.aliases) add(alias, [ward], ward.name, 2);
      for (const part of normaliseWardText(ward.name).split(' and ')) add(part, [ward], ward.name, 2);
    }
    for (const place of wards.places) add(place.name, this.wardsOf(place), place.name, 1);
  }

  private wardsOf(place: Place): Ward[] {
    return place.wards.map((id) => this.wards.get(id)).filter((w): w is Ward => w !== undefined);
  }

  /** The place name that covers exactly these wards, if there is one. */
  labelFor(wards: Ward[]): string | undefined {
    const ids = new Set(wards.map((w) => w.id));
    return this.wards.places.find((p) => p.wards.length === ids.size && p.wards.every((id) => ids.has(id)))
      ?.name;
  }

  match(text: string): WardMatch {
    const words = normaliseWardText(text)
      .split(' ')
      .filter((w) => w && !FILLER.has(w));
    if (words.length === 0) return { kind: 'none' };
    const grams = new Set<string>();
    for (let n = 1; n <= Math.min(5, words.length); n++)
      for (let i = 0; i + n <= words.length; i++) grams.add(words.slice(i, i + n).join(' '));

    let best: { key: Key; edits: number; rank: number }[] = [];
    for (const key of this.keys) {
      for (const gram of grams) {
        const gramTokens = gram.split(' ').length;
        if (Math.abs(gramTokens - key.tokens) > 1) continue;
        const edits = gram === key.text ? 0 : editDistance(gram, key.text);
        if (edits > allowedEdits(key.text.length)) continue;
        // Longer exact matches first; then fewer edits; then full names over short forms.
        const rank = key.text.length * 10 - edits * 25 + key.weight;
        if (!best.length || rank > best[0].rank) best = [{ key, edits, rank }];
        else if (rank === best[0].rank) best.push({ key, edits, rank });
      }
    }
    if (!best.length) return { kind: 'none' };
    const wards = [...new Map(best.flatMap((b) => b.key.wards).map((w) => [w.id, w])).values()];
    if (wards.length === 1) return { kind: 'ward', ward: wards[0] };
    return { kind: 'several', label: best[0].key.label, wards };
  }
}
