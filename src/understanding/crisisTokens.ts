// One pass over a message for the safeguarding check: lower-case words (contractions spelled out,
// texting shorthand mapped as normalise.ts does), emoji as tokens of their own, and where each
// sentence ends. Work is linear in the length of the message, so long messages stay cheap.
import { WORD_MAP } from './normalise.js';

/** Ends a sentence (and so the reach of a lowering word), never part of a phrase. */
export const SENTENCE_END = '.';

/** Clause words after which a lowering word earlier in the sentence no longer applies. */
const CLAUSE_BREAKS = new Set(['but', 'also', 'anyway', 'btw', 'however']);
const LONGEST_CLAUSE_BREAK = Math.max(...[...CLAUSE_BREAKS].map((w) => w.length));
/** Words whose "'s" means "is" ("he's got a knife"); elsewhere it is a possessive and dropped. */
const IS_BEFORE = new Set([
  'he',
  'she',
  'it',
  'that',
  'there',
  'what',
  'who',
  'where',
  'here',
  'someone',
  'somebody',
  'everything',
  'nobody',
  'everyone',
  'anyone',
  'anybody',
  'everybody',
  'this',
]);
const ACCENTED = /[\u00c0-\u024f]/;
const WORDS: ReadonlyMap<string, string[]> = new Map(
  Object.entries(WORD_MAP).map(([k, v]) => [k, v.split(' ')]),
);

/**
 * The texting shorthand with a content's own spellings laid over it, built once, so each word of
 * a message costs one look-up.
 */
export function withShorthand(spellings: ReadonlyMap<string, string[]>): ReadonlyMap<string, string[]> {
  return new Map([...WORDS, ...spellings]);
}
const PICTOGRAPH = /\p{Extended_Pictographic}/u;

export interface Tokens {
  words: string[];
  /** Sentence number of each word. */
  sentence: number[];
}

function spellOut(word: string, cut: number): string[] {
  const base = word.slice(0, cut);
  const tail = word.slice(cut + 1);
  switch (tail) {
    case 't':
      if (base === 'won') return ['will', 'not'];
      if (base === 'can') return ['can', 'not'];
      if (base === 'ain') return ['is', 'not'];
      return base.endsWith('n') ? [base.slice(0, -1), 'not'] : [base];
    case 'm':
      return [base, 'am'];
    case 're':
      return [base, 'are'];
    case 've':
      return [base, 'have'];
    case 'll':
      return [base, 'will'];
    case 'd':
      return [base, 'would'];
    case 's':
      return IS_BEFORE.has(base) ? [base, 'is'] : [base];
    default:
      return [base, tail];
  }
}

const isWordCode = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/**
 * Tokenises with one pass over the characters (no regular expression over the whole text):
 * lower-case words with "*" and apostrophes inside kept ("r*pe", "can't"), "!" as a token of its
 * own, sentence ends, and emoji.
 */
export function crisisTokens(text: string, spellings: ReadonlyMap<string, string[]> = WORDS): Tokens {
  const out: Tokens = { words: [], sentence: [] };
  let lower = text.toLowerCase();
  // "Pokémon", "café": letters with accents read as plain letters (only when there are any).
  if (ACCENTED.test(lower)) lower = lower.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  let sentence = 0;
  const push = (word: string) => {
    const mapped = spellings.get(word);
    if (mapped === undefined) {
      out.words.push(word);
      out.sentence.push(sentence);
    } else
      for (const part of mapped) {
        out.words.push(part);
        out.sentence.push(sentence);
      }
  };
  const endSentence = () => {
    const last = out.words.length - 1;
    if (last >= 0 && out.words[last] !== SENTENCE_END) {
      out.words.push(SENTENCE_END);
      out.sentence.push(sentence);
    }
    sentence++;
  };
  let i = 0;
  const n = lower.length;
  while (i < n) {
    const c = lower.charCodeAt(i);
    if (isWordCode(c)) {
      const start = i;
      let apostrophe = -1;
      let tripled = false;
      i++;
      while (i < n) {
        const d = lower.charCodeAt(i);
        if (isWordCode(d)) {
          if (d === lower.charCodeAt(i - 1) && d === lower.charCodeAt(i - 2) && d >= 97) tripled = true;
          i++;
        } else if (
          (d === 39 || d === 0x2019 || d === 42) &&
          i + 1 < n &&
          isWordCode(lower.charCodeAt(i + 1))
        ) {
          if (d !== 42 && apostrophe < 0) apostrophe = i - start;
          i++;
        } else break;
      }
      let word = lower.slice(start, i);
      if (tripled) {
        word = word.replace(/([a-z])\1{2,}/g, '$1$1');
        // The letters cut may have stood before the apostrophe ("sooo'm").
        if (apostrophe >= 0) apostrophe = word.search(/['\u2019]/);
      }
      if (i - start <= LONGEST_CLAUSE_BREAK && CLAUSE_BREAKS.has(word)) sentence++;
      // "..., and now the rider is not moving": what comes after is a new clause.
      else if (word === 'now' && out.words[out.words.length - 1] === 'and') sentence++;
      if (apostrophe >= 0) for (const part of spellOut(word, apostrophe)) push(part);
      else push(word);
      continue;
    }
    if (c === 46 || c === 63 || c === 59 || c === 10) endSentence();
    else if (c === 33) {
      out.words.push('!');
      out.sentence.push(sentence++);
    } else if (c >= 0x2300) {
      // Emoji: one token per pictograph (skin tones and joiners are dropped).
      const cp = lower.codePointAt(i) ?? c;
      const ch = String.fromCodePoint(cp);
      if (PICTOGRAPH.test(ch)) {
        out.words.push(ch);
        out.sentence.push(sentence);
      }
      i += ch.length;
      continue;
    }
    i++;
  }
  return out;
}
