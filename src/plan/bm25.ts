// A small Okapi BM25 index over the plan's passages, with spelling correction of unknown words
// against the index's own vocabulary. MiniSearch 7.2.0 (same analyser, boosts 3/1/1, fuzzy 0.2) was
// measured in its place on the dev sets: it put a passage with every fact first less often
// (120/129 and 47/60 against 126/129 and 50/60) and took about three times as long per query, and
// the confidence gate needs each term's weight and field, which this index gives directly.
import { Analyser, isStopword, words } from './analyser.js';
import { boundedEditDistance } from './editDistance.js';
import type { Glossary, Passage, Topic } from './schema.js';

const K1 = 1.2;
const B = 0.5;
/** Heading words say what a passage answers (they are written as questions), so they count most. */
const HEADING_WEIGHT = 3;
/** The topic's title and section name say what every passage in it is about. */
const TOPIC_WEIGHT = 1;
/** A word matched only after spelling correction is weaker evidence than one written as meant. */
const CORRECTED_CREDIT = 0.85;
/**
 * A word the plan never uses counts a little against every passage alike: enough that a question
 * about something else ("who won the football last night") is not answered on one shared word,
 * too little to refuse a right answer over filler.
 */
const UNKNOWN_WEIGHT = 1;
/** Words that frame a question ("definition of ...") count for a passage that has them, never against one. */
const FRAMING_WORDS = [
  'definition',
  'approach',
  'purpose',
  'example',
  'examples',
  'type',
  'types',
  'way',
  'ways',
];

export interface ScoredPassage {
  passage: Passage;
  score: number;
  /**
   * Share (0..1) of the question's weight, by IDF, that this passage matches. Words the plan
   * never uses are left out of the share: they cannot be held against one passage more than another.
   */
  coverage: number;
  /** How many of the question's terms the passage contains, and how many the plan knows. */
  matchedTerms: number;
  queryTerms: number;
  /** How many of the question's words the plan never uses. */
  unknownTerms: number;
  /** How many of the question's terms are in the passage's heading or its topic's title. */
  aboutTerms: number;
  /** The question's terms this passage contains. */
  matched: ReadonlySet<string>;
}

interface IndexedPassage {
  passage: Passage;
  tf: Map<string, number>;
  length: number;
  /** Terms of the heading and the topic's title: what the passage is about, not what it mentions. */
  about: Set<string>;
}

export class Bm25Index {
  readonly analyser: Analyser;
  private readonly docs: IndexedPassage[] = [];
  private readonly idf = new Map<string, number>();
  private readonly avgLength: number;
  /** Surface words of the content, for spelling correction, with their document frequency. */
  private readonly vocabulary = new Map<string, number>();
  private readonly corrections = new Map<string, string | undefined>();
  private readonly framing: Set<string>;

  constructor(topics: readonly Topic[], glossary: Glossary) {
    this.analyser = new Analyser(glossary);
    const topicTerms = new Map<string, string[]>();
    const topicTermsOf = (topic: Topic) => {
      let found = topicTerms.get(topic.id);
      if (!found) topicTerms.set(topic.id, (found = this.analyser.terms(`${topic.title} ${topic.section}`)));
      return found;
    };
    this.framing = new Set(FRAMING_WORDS.map((w) => this.analyser.fold(w)));
    const df = new Map<string, number>();
    for (const topic of topics) {
      for (const passage of topic.passages) {
        const body = stripListMarkers(passage.text);
        const headingTerms = this.analyser.terms(passage.heading);
        const topicTerms = topicTermsOf(topic);
        const terms = [
          ...repeat(headingTerms, HEADING_WEIGHT),
          ...repeat(topicTerms, TOPIC_WEIGHT),
          ...this.analyser.terms(body),
        ];
        const tf = new Map<string, number>();
        for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
        for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
        const about = new Set([...headingTerms, ...topicTerms]);
        this.docs.push({ passage, tf, length: terms.length, about });
        for (const w of words(`${topic.title} ${passage.heading} ${body}`)) this.countWord(w);
      }
    }
    for (const w of this.analyser.glossaryWords) for (const x of words(w)) this.countWord(x);
    const n = this.docs.length;
    for (const [term, f] of df) this.idf.set(term, Math.log(1 + (n - f + 0.5) / (f + 0.5)));
    this.avgLength = this.docs.reduce((s, d) => s + d.length, 0) / Math.max(1, n);
  }

  get size(): number {
    return this.docs.length;
  }

  /** Query terms after stemming, folding and spelling correction, and which came from a correction. */
  queryTerms(question: string): { terms: string[]; corrected: Set<string> } {
    const corrected = new Set<string>();
    const terms = this.analyser.terms(question, (w) => {
      const fix = this.correct(w);
      if (fix) corrected.add(this.analyser.fold(fix));
      return fix;
    });
    return { terms: [...new Set(terms)], corrected };
  }

  /** Every passage that shares a term with the question, best first. */
  search(question: string): ScoredPassage[] {
    const { terms, corrected } = this.queryTerms(question);
    if (terms.length === 0) return [];
    const known = terms.filter((t) => this.idf.has(t));
    if (known.length === 0) return [];
    const weights = known.map((t) => this.idf.get(t) ?? 0);
    const credit = known.map((t) => (corrected.has(t) ? CORRECTED_CREDIT : 1));
    const unknown = terms.length - known.length;
    const framing = known.map((t) => this.framing.has(t));
    const required = weights.reduce((s, w, i) => s + (framing[i] ? 0 : w), 0) + UNKNOWN_WEIGHT * unknown;
    const results: ScoredPassage[] = [];
    for (const doc of this.docs) {
      let score = 0;
      let matchedWeight = 0;
      const matched = new Set<string>();
      known.forEach((term, i) => {
        const tf = doc.tf.get(term);
        if (!tf) return;
        matched.add(term);
        const idf = weights[i];
        if (!framing[i]) matchedWeight += idf * credit[i];
        score += (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * doc.length) / this.avgLength));
      });
      if (score > 0)
        results.push({
          passage: doc.passage,
          score,
          coverage: required > 0 ? matchedWeight / required : 1,
          matchedTerms: matched.size,
          queryTerms: known.length,
          unknownTerms: unknown,
          aboutTerms: [...matched].filter((t) => doc.about.has(t)).length,
          matched,
        });
    }
    // A passage that covers every idea in the question beats one that scores on fewer of them.
    return results.sort((a, b) => b.score * Math.sqrt(b.coverage) - a.score * Math.sqrt(a.coverage));
  }

  /** The content word a misspelt word most likely meant, or undefined to keep it as written. */
  private correct(word: string): string | undefined {
    if (this.corrections.has(word)) return this.corrections.get(word);
    let best: string | undefined;
    if (!this.knows(word) && !/[0-9]/.test(word)) {
      const allowed = word.length >= 9 ? 2 : word.length >= 5 ? 1 : 0;
      let bestDistance = allowed + 1;
      let bestDf = 0;
      for (const [candidate, df] of this.vocabulary) {
        if (Math.abs(candidate.length - word.length) > allowed) continue;
        const d = boundedEditDistance(word, candidate, allowed);
        if (d > allowed) continue;
        if (d < bestDistance || (d === bestDistance && df > bestDf)) {
          best = candidate;
          bestDistance = d;
          bestDf = df;
        }
      }
    }
    if (this.corrections.size < 10_000) this.corrections.set(word, best);
    return best;
  }

  private knows(word: string): boolean {
    return this.vocabulary.has(word) || this.idf.has(this.analyser.fold(word));
  }

  private countWord(word: string): void {
    if (!isStopword(word)) this.vocabulary.set(word, (this.vocabulary.get(word) ?? 0) + 1);
  }
}

function repeat<T>(list: T[], times: number): T[] {
  return Array.from({ length: times }, () => list).flat();
}

/** List numbers ("1.", "-", "i.") are layout, not content. */
function stripListMarkers(text: string): string {
  return text.replace(/^\s*(?:\d+\.|[-*]|[ivx]+\.)\s+/gm, '');
}
