// Types for the few `natural` modules the plan search imports directly. Importing the package root
// also loads its storage adapters, which print dotenv notices on stdout and would spoil the bench's
// one JSON line; these deep imports load only the stemmer and the stop words.
declare module 'natural/lib/natural/stemmers/porter_stemmer.js' {
  const PorterStemmer: { stem(token: string): string };
  export default PorterStemmer;
}

declare module 'natural/lib/natural/util/stopwords.js' {
  const stopwords: { words: string[] };
  export default stopwords;
}

declare module 'natural/lib/natural/tokenizers/aggressive_tokenizer.js' {
  class AggressiveTokenizer {
    tokenize(text: string): string[];
  }
  export default AggressiveTokenizer;
}

declare module 'natural/lib/natural/distance/levenshtein_distance.js' {
  export function DamerauLevenshteinDistance(
    source: string,
    target: string,
    options?: { restricted?: boolean },
  ): number;
}

declare module 'natural/lib/natural/classifiers/bayes_classifier.js' {
  class BayesClassifier {
    addDocument(text: string | string[], label: string): void;
    train(): void;
    classify(observation: string | string[]): string;
  }
  export default BayesClassifier;
}
