// Finds the ward someone means from what they typed: ward names, short forms, place names that
// span several wards, and typos ("new maldon", "surbitn", "st marks").
//
// It runs on every message at the ward prompt and on every volunteering opening, so its work is
// bounded: the names are indexed by length once, at start; only the start of a message is read
// (MAX_CHARACTERS, MAX_WORDS); and a pair is only measured when its lengths and letters could be close enough.
import type { Place, Ward, WardList } from '../content/wards.js';
import { boundedEditDistance } from '../text/editDistance.js';

export type WardMatch =
  | { kind: 'ward'; ward: Ward }
  /** The text names a place or is close to several wards: ask which one. */
  | { kind: 'several'; label: string; wards: Ward[] }
  | { kind: 'none' };

const FILLER = new Set(
  'i im am live living in at near the ward area of my is its it our we are from around by round'.split(' '),
);

/** What is read of a message: a place is named near the start, and longer texts must cost no more. */
export const MAX_CHARACTERS = 1_000;
export const MAX_WORDS = 60;
/** The most words a place name (or a typed run of words compared with it) has. */
const MAX_GRAM_WORDS = 5;

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
  allowed: number;
  letters: Uint8Array;
  /** Order in the content, which sets the order of wards offered when several tie. */
  index: number;
}

function allowedEdits(length: number): number {
  if (length <= 4) return 0;
  if (length <= 8) return 1;
  if (length <= 14) return 2;
  return 3;
}

const ALPHABET = 37; // a-z, 0-9, space: all normaliseWardText leaves

function letterCounts(text: string): Uint8Array {
  const counts = new Uint8Array(ALPHABET);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const slot = c >= 97 ? c - 97 : c >= 48 ? c - 22 : 36;
    if (counts[slot] < 255) counts[slot]++;
  }
  return counts;
}

/**
 * Whether two texts' letters differ by few enough to be `allowed` edits apart: an insertion or
 * deletion changes one count, a substitution two, a swap none. Never rules out a true match.
 */
function lettersClose(a: Uint8Array, b: Uint8Array, allowed: number): boolean {
  let differ = 0;
  for (let i = 0; i < ALPHABET; i++) {
    differ += a[i] > b[i] ? a[i] - b[i] : b[i] - a[i];
    if (differ > 2 * allowed) return false;
  }
  return true;
}

export interface WardMatcherOptions {
  /** The edit distance used (max + 1 when over max); tests pass a counting one. */
  distance?: (a: string, b: string, max: number) => number;
}

export class WardMatcher {
  /** Keys by the length of their text. */
  private readonly byLength = new Map<number, Key[]>();
  private readonly maxAllowed: number;
  private readonly distance: (a: string, b: string, max: number) => number;

  constructor(
    private readonly wards: WardList,
    options: WardMatcherOptions = {},
  ) {
    this.distance = options.distance ?? boundedEditDistance;
    let maxAllowed = 0;
    let index = 0;
    const add = (text: string, wardsFor: Ward[], label: string, weight: number) => {
      const t = normaliseWardText(text);
      if (!t) return;
      const allowed = allowedEdits(t.length);
      maxAllowed = Math.max(maxAllowed, allowed);
      const key = {
        text: t,
        tokens: t.split(' ').length,
        wards: wardsFor,
        label,
        weight,
        allowed,
        letters: letterCounts(t),
        index: index++,
      };
      const list = this.byLength.get(t.length) ?? [];
      list.push(key);
      this.byLength.set(t.length, list);
    };
    for (const ward of wards.all) {
      add(ward.name, [ward], ward.name, 3);
      add(ward.id.replace(/-/g, ' '), [ward], ward.name, 3);
      for (const alias of ward.aliases) add(alias, [ward], ward.name, 2);
      for (const part of normaliseWardText(ward.name).split(' and ')) add(part, [ward], ward.name, 2);
    }
    for (const place of wards.places) add(place.name, this.wardsOf(place), place.name, 1);
    this.maxAllowed = maxAllowed;
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
    const words = normaliseWardText(text.slice(0, MAX_CHARACTERS))
      .split(' ')
      .filter((w) => w && !FILLER.has(w))
      .slice(0, MAX_WORDS);
    if (words.length === 0) return { kind: 'none' };
    const grams = new Map<string, number>();
    for (let n = 1; n <= Math.min(MAX_GRAM_WORDS, words.length); n++)
      for (let i = 0; i + n <= words.length; i++) grams.set(words.slice(i, i + n).join(' '), n);

    let best: { key: Key; edits: number; rank: number }[] = [];
    for (const [gram, gramTokens] of grams) {
      let letters: Uint8Array | undefined;
      // A key more than its allowed edits longer or shorter cannot match.
      for (let length = gram.length - this.maxAllowed; length <= gram.length + this.maxAllowed; length++) {
        for (const key of this.byLength.get(length) ?? []) {
          if (Math.abs(gramTokens - key.tokens) > 1) continue;
          if (Math.abs(gram.length - key.text.length) > key.allowed) continue;
          let edits = 0;
          if (gram !== key.text) {
            if (key.allowed === 0) continue;
            letters ??= letterCounts(gram);
            if (!lettersClose(letters, key.letters, key.allowed)) continue;
            edits = this.distance(gram, key.text, key.allowed);
            if (edits > key.allowed) continue;
          }
          // Longer exact matches first; then fewer edits; then full names over short forms.
          const rank = key.text.length * 10 - edits * 25 + key.weight;
          if (!best.length || rank > best[0].rank) best = [{ key, edits, rank }];
          else if (rank === best[0].rank) best.push({ key, edits, rank });
        }
      }
    }
    if (!best.length) return { kind: 'none' };
    best.sort((a, b) => a.key.index - b.key.index);
    const wards = [...new Map(best.flatMap((b) => b.key.wards).map((w) => [w.id, w])).values()];
    if (wards.length === 1) return { kind: 'ward', ward: wards[0] };
    return { kind: 'several', label: best[0].key.label, wards };
  }
}
