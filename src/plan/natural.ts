// The parts of `natural` the plan search uses, imported one module each (see naturalModules.d.ts).
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import distances from 'natural/lib/natural/distance/levenshtein_distance.js';
import stopwords from 'natural/lib/natural/util/stopwords.js';

export const stem = (word: string): string => PorterStemmer.stem(word);

/** Edits (insert, delete, substitute, swap two neighbours) between two words. */
export const editDistance = (a: string, b: string): number =>
  distances.DamerauLevenshteinDistance(a, b, { restricted: true });

export const englishStopwords: readonly string[] = stopwords.words;
