// The one way into `natural`: the parts the recogniser, plan search, answer matching and question
// grouping use, imported one module each (see naturalModules.d.ts). Loading natural's root costs
// about half a second at start-up and loads storage adapters that print dotenv banners.
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import AggressiveTokenizer from 'natural/lib/natural/tokenizers/aggressive_tokenizer.js';
import stopwords from 'natural/lib/natural/util/stopwords.js';

const stems = new Map<string, string>();

/** No English word is longer; the stemmer's patterns take time that grows with the square of the length. */
const LONGEST_STEMMED = 40;

/** Porter stem of a lower-case word (memoised: the same words come up again and again). */
export function stem(word: string): string {
  if (word.length > LONGEST_STEMMED) return word;
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    stemmed = PorterStemmer.stem(word);
    if (stems.size < 50_000) stems.set(word, stemmed);
  }
  return stemmed;
}

export const englishStopwords: readonly string[] = stopwords.words;

const tokenizer = new AggressiveTokenizer();

/** Splits text into words on anything but letters, digits, apostrophes, hyphens and slashes. */
export function splitWords(text: string): string[] {
  return tokenizer.tokenize(text);
}
