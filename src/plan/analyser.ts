// Turns a question or a passage into search terms: plain lower-case words, stop words dropped,
// stemmed (Porter), synonyms folded onto one word, acronyms and their expansions added both ways,
// and commitment codes ("priority 2 commitment c", "2(c)") written as one term ("2c").
import type { Glossary } from './schema.js';
import { englishStopwords, stem } from '../text/natural.js';

/** Words that say how a question is asked, not what it is about. */
const QUESTION_WORDS = [
  'tell',
  'explain',
  'describe',
  'say',
  'says',
  'saying',
  'mean',
  'means',
  'know',
  'want',
  'please',
  'hi',
  'hello',
  'thanks',
  'thank',
  'question',
  'list',
  'give',
  'show',
  'summary',
  'summarise',
  'summarize',
  'kind',
  'sort',
  'anything',
  'bot',
  'us',
  'i',
  'im',
  'whats',
  'whos',
  'hows',
  'plan',
  'plans',
  'document',
  'doc',
  'talk',
  'details',
  'detail',
  'info',
  'information',
  'mention',
  'mentions',
  'mentioned',
  'often',
  'statement',
  'apply',
  'applies',
  'done',
  // Filler that says how a question is framed, not what it is about: counting it against a
  // passage refused right answers ("according to the plan", "whose definition", "meant by").
  'according',
  'whose',
  'meant',
  'part',
  'someone',
  'somebody',
  'person',
  'regarding',
  'concerning',
  'currently',
  'exactly',
  'specifically',
  'actually',
  'basically',
  'outline',
  'outlines',
  'outlined',
  'stated',
  'states',
  'set',
  'sets',
  'current',
  'overall',
  'particular',
  'main',
  'key',
  'role',
  'play',
  'plays',
  'refer',
  'refers',
  'referred',
  'term',
  'terms',
  'word',
  'words',
  'exist',
  'exists',
  'stand',
  'stands',
  'defn',
  'pls',
  'plz',
  'eg',
  'etc',
  'ok',
  'okay',
  'quick',
  'quickly',
  'briefly',
  'brief',
  // How a question is put ("what will the partnership do"), not what it is about.
  'will',
  'would',
  'could',
  'shall',
  'might',
  'out',
  // Every passage is about Kingston: the borough's name says nothing about which one answers.
  'kingston',
  'use',
  'uses',
  'used',
  'using',
];

/** natural's list drops single digits and letters; digits matter here ("priority 2", "5%"). */
const STOPWORDS = new Set([...englishStopwords, ...QUESTION_WORDS].filter((w) => !/^[0-9]$/.test(w)));

const NUMBER_WORDS: Record<string, string> = {
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
  eleven: '11',
  twelve: '12',
  first: '1',
  second: '2',
  third: '3',
  fourth: '4',
};

/** Rewrites that must happen on the text before it is split into words. */
function normaliseText(raw: string): string {
  let text = raw
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/\b(?:5|five)\s*c'?s\b/g, ' 5cs ')
    .replace(/'s\b/g, '')
    .replace(/\b(anti|re|co)[-\s](?=(social|offend|operat|produc|narrativ))/g, '$1')
    .replace(/\bnighttime\b/g, 'night time')
    // Being held to account is oversight; "5% of offenders account for 50% of crime" is not.
    .replace(/\bheld\s+to\s+account\b|\baccountab(?:le|ility)\b/g, ' oversight ')
    .replace(/\bp([1-4])\b/g, 'priority $1')
    .replace(/\b(\d+)s\b/g, '$1')
    // The partnership's name, however written, is one word: its parts say nothing about a topic.
    .replace(/\b(?:safer\s+kingston(?:\s+partnership)?|skp)\b/g, ' partnership ');
  // "priority 2 commitment c", "priority two, item (c)"
  text = text.replace(
    /\bpriorit(?:y|ies)\s*(?:no\.?|number)?\s*([1-4]|one|two|three|four)\W+(?:commitment|item|point|action)?\s*\(?([a-l])\)?(?![a-z0-9])/g,
    (_m, n: string, letter: string) => ` priority${NUMBER_WORDS[n] ?? n} ${NUMBER_WORDS[n] ?? n}${letter} `,
  );
  // "priority 2", "priority two"
  text = text.replace(
    /\bpriorit(?:y|ies)\s*(?:no\.?|number)?\s*([1-4]|one|two|three|four)\b/g,
    (_m, n: string) => ` priority priority${NUMBER_WORDS[n] ?? n} `,
  );
  // "commitment 2(c)", "2 (c)", "2.c", "2c"
  text = text.replace(/\b([1-4])\s*(?:\.|\(\s*)([a-l])\s*\)?(?![a-z0-9])/g, ' $1$2 ');
  if (/commit/.test(text)) text = text.replace(/\b([1-4])\s+([a-l])\b(?![a-z0-9])/g, ' $1$2 ');
  return text.replace(/-/g, ' ');
}

/** Splits text into candidate words (before stop words, stemming and folding). */
export function words(raw: string): string[] {
  return normaliseText(raw).match(/[a-z0-9]+/g) ?? [];
}

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

interface Acronym {
  term: string;
  expansion: string[];
}

export class Analyser {
  private readonly synonyms = new Map<string, string>();
  private readonly acronyms: Acronym[];
  /** Every word the glossary knows, so spelling correction can aim at it too. */
  readonly glossaryWords: readonly string[];

  constructor(glossary: Glossary) {
    for (const group of glossary.synonyms) {
      const head = this.stemWord(group[0]);
      for (const word of group) this.synonyms.set(this.stemWord(word), head);
    }
    this.acronyms = glossary.acronyms.map((a) => ({
      term: this.fold(a.term),
      expansion: this.baseTerms(words(a.means)),
    }));
    this.glossaryWords = [
      ...glossary.acronyms.flatMap((a) => [a.term, ...words(a.means)]),
      ...glossary.synonyms.flat(),
    ];
  }

  /**
   * Search terms for a text. `correct` may replace a word the index does not know (a typo) with
   * one it does; it is asked only about words that are not stop words.
   */
  terms(text: string, correct?: (word: string) => string | undefined): string[] {
    const raw = words(text)
      .filter((w) => !isStopword(w))
      .map((w) => correct?.(w) ?? w);
    return this.withAcronyms(this.baseTerms(raw));
  }

  /** The folded stem of one word, as the index stores it. */
  fold(word: string): string {
    const stemmed = this.stemWord(word);
    return this.synonyms.get(stemmed) ?? stemmed;
  }

  private stemWord(word: string): string {
    const w = NUMBER_WORDS[word] ?? word;
    return /[0-9]/.test(w) ? w : stem(w);
  }

  private baseTerms(list: string[]): string[] {
    return list.filter((w) => !isStopword(w)).map((w) => this.fold(w));
  }

  private withAcronyms(terms: string[]): string[] {
    const out = [...terms];
    for (const { term, expansion } of this.acronyms) {
      if (terms.includes(term)) out.push(...expansion);
      else if (expansion.length > 0 && containsSequence(terms, expansion)) out.push(term);
    }
    return out;
  }
}

function containsSequence(haystack: string[], needle: string[]): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}
