// One pass over a message for the safeguarding check: lower-case words (contractions spelled out,
// texting shorthand mapped as normalise.ts does), emoji as tokens of their own, and where each
// sentence ends. Work is linear in the length of the message, so long messages stay cheap.
import { WORD_MAP } from './normalise.js';

/** Ends a sentence (and so the reach of a lowering word), never part of a phrase. */
export const SENTENCE_END = '.';

/** A word, a run of "!" (kept: "help!!" is a cue), a sentence end, or an emoji. */
const TOKEN = /[a-z0-9]+(?:[*'’][a-z0-9]+)*|[.?;\n]+|!|\p{Extended_Pictographic}/gu;
/** Clause words after which a lowering word earlier in the sentence no longer applies. */
const CLAUSE_BREAKS = new Set(['but', 'also', 'anyway', 'btw', 'however']);
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
]);
const TRIPLE_LETTER = /([a-z])\1\1/;

export interface Tokens {
  words: string[];
  /** Sentence number of each word. */
  sentence: number[];
}

function spellOut(word: string): string[] {
  const cut = word.search(/['’]/);
  if (cut < 0) return [word];
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

function push(out: Tokens, word: string, sentence: number): void {
  const squeezed = TRIPLE_LETTER.test(word) ? word.replace(/([a-z])\1{2,}/g, '$1$1') : word;
  const mapped = WORD_MAP[squeezed];
  if (mapped === undefined) {
    out.words.push(squeezed);
    out.sentence.push(sentence);
    return;
  }
  for (const part of mapped.split(' ')) {
    out.words.push(part);
    out.sentence.push(sentence);
  }
}

export function crisisTokens(text: string): Tokens {
  const out: Tokens = { words: [], sentence: [] };
  let sentence = 0;
  for (const [raw] of text.toLowerCase().matchAll(TOKEN)) {
    const first = raw.charCodeAt(0);
    // Sentence ends: ".", "?", ";", new lines.
    if (first === 46 || first === 63 || first === 59 || first === 10) {
      if (out.words.length && out.words[out.words.length - 1] !== SENTENCE_END) {
        out.words.push(SENTENCE_END);
        out.sentence.push(sentence);
      }
      sentence++;
      continue;
    }
    if (raw === '!') {
      out.words.push('!');
      out.sentence.push(sentence++);
      continue;
    }
    if (CLAUSE_BREAKS.has(raw)) sentence++;
    if (raw.includes("'") || raw.includes('’')) for (const part of spellOut(raw)) push(out, part, sentence);
    else push(out, raw, sentence);
  }
  return out;
}
