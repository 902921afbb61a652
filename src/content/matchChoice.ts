// Understands a free-text answer to a question with fixed choices, but only when it clearly
// matches one: a number or letter, the choice's own words, or keywords that point to one choice
// more than to any other. Anything unclear gives undefined, and the caller shows the choices again.

import { stem as porterStem } from '../text/natural.js';

export interface MatchableChoice {
  id: string;
  label: string;
  keywords?: readonly string[];
}

const ORDINALS: Record<string, number> = {
  first: 0,
  second: 1,
  third: 2,
  fourth: 3,
  fifth: 4,
  sixth: 5,
  seventh: 6,
  eighth: 7,
  '1st': 0,
  '2nd': 1,
  '3rd': 2,
  '4th': 3,
};
const NEGATIONS = new Set(
  ['not', 'no', 'never', 'dont', 'wouldnt', 'wont', 'cant', 'shouldnt', 'without'].map((w) => porterStem(w)),
);

export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019']/g, '')
    .replace(/[^a-z0-9+]+/g, ' ')
    .trim();
}

const stem = (word: string) => (/^[a-z]+$/.test(word) ? porterStem(word) : word);

/**
 * True when the phrase occurs as whole words (compared by stem, so "filming" matches "film") and
 * is not just after a negation ("I would not ...").
 */
function mentions(words: string[], phrase: string): boolean {
  const target = normalise(phrase).split(' ').filter(Boolean).map(stem);
  if (!target.length) return false;
  for (let i = 0; i + target.length <= words.length; i++) {
    if (target.every((w, j) => words[i + j] === w)) {
      const before = words.slice(Math.max(0, i - 2), i);
      const negated = before.some((w) => NEGATIONS.has(w)) && !NEGATIONS.has(target[0]);
      if (!negated) return true;
    }
  }
  return false;
}

/** True when the text mentions any of the phrases (as whole words, by stem, not negated). */
export function mentionsAny(input: string, phrases: readonly string[]): boolean {
  const words = normalise(input).split(' ').map(stem);
  return phrases.some((p) => mentions(words, p));
}

function byPosition<T extends MatchableChoice>(text: string, choices: readonly T[]): T | undefined {
  const m =
    /^(?:option |number |choice |the )?([1-9]|[a-h]|first|second|third|fourth|fifth|sixth|seventh|eighth|1st|2nd|3rd|4th|last)(?: one| option)?$/.exec(
      text,
    );
  if (!m) return undefined;
  const token = m[1];
  if (token === 'last') return choices[choices.length - 1];
  if (/^[1-9]$/.test(token)) return choices[Number(token) - 1];
  if (token in ORDINALS) return choices[ORDINALS[token]];
  // A single letter: a choice whose id is that letter, else the letter's position.
  return choices.find((c) => c.id === token) ?? choices[token.charCodeAt(0) - 97];
}

/**
 * The choice a free-text answer clearly means, or undefined. `extraKeywords` adds words per
 * choice id (for example a technique's name) that count like the choice's own keywords.
 * `byPosition: false` ignores "2", "b" or "second" (for choices that are not numbered).
 */
export function matchChoice<T extends MatchableChoice>(
  input: string,
  choices: readonly T[],
  extraKeywords: Record<string, readonly string[]> = {},
  options: { byPosition?: boolean } = {},
): T | undefined {
  const text = normalise(input);
  if (!text) return undefined;

  const positional = options.byPosition === false ? undefined : byPosition(text, choices);
  if (positional) return positional;

  const exact = choices.filter((c) => normalise(c.label) === text);
  if (exact.length === 1) return exact[0];
  const quoted = choices.filter((c) => text.includes(normalise(c.label)));
  if (quoted.length === 1) return quoted[0];

  const words = text.split(' ').map(stem);
  const scored = choices
    .map((choice) => {
      const phrases = [...(choice.keywords ?? []), ...(extraKeywords[choice.id] ?? [])];
      // Longer phrases say more than single words.
      const score = phrases
        .filter((p) => mentions(words, p))
        .reduce((sum, p) => sum + normalise(p).split(' ').length, 0);
      return { choice, score };
    })
    .sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (!best || best.score === 0) return undefined;
  if (second && second.score === best.score) return undefined;
  return best.choice;
}
