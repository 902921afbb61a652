// The parts of `natural` that plan search, answer matching and question grouping use, imported one
// module each (see naturalModules.d.ts): loading natural's root prints a dotenv banner and is slow.
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import stopwords from 'natural/lib/natural/util/stopwords.js';

const stems = new Map<string, string>();

/** Porter stem of a lower-case word (memoised: the same words come up again and again). */
export function stem(word: string): string {
  let stemmed = stems.get(word);
  if (stemmed === undefined) {
    stemmed = PorterStemmer.stem(word);
    if (stems.size < 50_000) stems.set(word, stemmed);
  }
  return stemmed;
}

export const englishStopwords: readonly string[] = stopwords.words;
