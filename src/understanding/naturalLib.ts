// The one place that loads `natural`. Some of its storage helpers call dotenv on load, which prints
// a banner to stdout; keep it quiet so CLI and bench output stay clean.
import './quietDotenv.js';
import natural from 'natural';

export const { PorterStemmer, AggressiveTokenizer, DamerauLevenshteinDistance, BayesClassifier } = natural;
