// From normalised text to the features the classifier weighs: word stems, negated stems, stem
// pairs and letter groups (which make typos close to the right word).
import { boundedEditDistance } from '../text/editDistance.js';
import { splitWords, stem as porterStem } from '../text/natural.js';

const NEGATORS = new Set(['not', 'no', 'never', 'nobody', 'nothing', 'without', 'nor', 'neither']);
const SCOPE_BREAKERS = new Set(['but', 'and', 'so', 'because', 'though', 'although', 'however', 'yet']);
/** How many words after a negator are read as negated. */
const NEGATION_SCOPE = 3;

export function tokens(normalisedText: string): string[] {
  return splitWords(normalisedText.replace(/'/g, ' '))
    .map((t) => t.toLowerCase())
    .filter((t) => t.length > 0);
}

/** A word's stem; every number is one feature, '#num'. */
export function stem(word: string): string {
  return /^\d+$/.test(word) ? '#num' : porterStem(word);
}

/** Corrects words the model has never seen to the nearest known word (one edit, or two for long words). */
export class SpellFixer {
  private readonly known: Set<string>;
  private readonly byLength = new Map<number, string[]>();
  private readonly cache = new Map<string, string>();

  constructor(vocabulary: Iterable<string>) {
    this.known = new Set(vocabulary);
    for (const word of this.known) {
      if (word.length < 3 || /\d/.test(word)) continue;
      const list = this.byLength.get(word.length) ?? [];
      list.push(word);
      this.byLength.set(word.length, list);
    }
  }

  fix(word: string): string {
    if (word.length < 4 || this.known.has(word) || /\d/.test(word)) return word;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    const maxDistance = word.length >= 7 ? 2 : 1;
    let best = word;
    let bestDistance = maxDistance + 1;
    for (let len = word.length - maxDistance; len <= word.length + maxDistance; len++) {
      for (const candidate of this.byLength.get(len) ?? []) {
        if (candidate[0] !== word[0] && candidate[1] !== word[1]) continue;
        const d = boundedEditDistance(word, candidate, maxDistance);
        if (d < bestDistance) {
          bestDistance = d;
          best = candidate;
        }
      }
    }
    if (this.cache.size < 20_000) this.cache.set(word, best);
    return best;
  }
}

/**
 * How much of a message the classifier reads: what someone wants is said near the start, and a
 * 10,000-character message must not cost the classifier more than a long one (it took 15-30 ms).
 * The crisis rules read the whole message.
 */
export const MAX_CLASSIFIED_CHARACTERS = 1_000;

/** Features of one message. `fixer` (optional) corrects unknown words first. */
export function features(normalisedText: string, fixer?: SpellFixer): string[] {
  const read = normalisedText.slice(0, MAX_CLASSIFIED_CHARACTERS);
  const words = tokens(read).map((w) => (fixer ? fixer.fix(w) : w));
  const out: string[] = [];
  let negatedFor = 0;
  let previous = '^';
  for (const word of words) {
    if (NEGATORS.has(word)) {
      negatedFor = NEGATION_SCOPE;
      out.push('w:not');
      previous = 'not';
      continue;
    }
    if (SCOPE_BREAKERS.has(word)) negatedFor = 0;
    const s = stem(word);
    out.push(negatedFor > 0 ? `n:${s}` : `w:${s}`);
    out.push(`b:${previous}_${s}`);
    if (word.length >= 5) {
      const padded = `<${word}>`;
      for (let i = 0; i + 4 <= padded.length; i++) out.push(`c:${padded.slice(i, i + 4)}`);
    }
    if (negatedFor > 0) negatedFor--;
    previous = s;
  }
  if (words.length > 0) out.push(`b:${previous}_$`);
  if (words.length <= 2) out.push('len:short');
  return out;
}
