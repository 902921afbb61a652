// A small Okapi BM25 index over the plan's passages, with spelling correction of unknown words
// against the index's own vocabulary.
import { Analyser, isStopword, words } from './analyser.js';
import { boundedEditDistance } from './editDistance.js';
import type { Glossary, Passage, Topic } from './schema.js';

const K1 = 1.2;
const B = 0.75;
/** Heading words say what a passage answers, so they count twice. */
const HEADING_WEIGHT = 2;
/** A word matched only after spelling correction is weaker evidence than one written as meant. */
const CORRECTED_CREDIT = 0.6;

export interface ScoredPassage {
  passage: Passage;
  score: number;
  /** Share (0..1) of the question's weight, by IDF, that this passage matches. */
  coverage: number;
  /** How many of the question's terms the passage contains, and how many there were. */
  matchedTerms: number;
  queryTerms: number;
}

interface IndexedPassage {
  passage: Passage;
  tf: Map<string, number>;
  length: number;
}

export class Bm25Index {
  readonly analyser: Analyser;
  private readonly docs: IndexedPassage[] = [];
  private readonly idf = new Map<string, number>();
  private readonly maxIdf: number;
  private readonly avgLength: number;
  /** Surface words of the content, for spelling correction, with their document frequency. */
  private readonly vocabulary = new Map<string, number>();
  private readonly corrections = new Map<string, string | undefined>();

  constructor(topics: readonly Topic[], glossary: Glossary) {
    this.analyser = new Analyser(glossary);
    const df = new Map<string, number>();
    for (const topic of topics) {
      for (const passage of topic.passages) {
        const body = stripListMarkers(passage.text);
        const terms = [
          ...repeat(this.analyser.terms(passage.heading), HEADING_WEIGHT),
          ...this.analyser.terms(topic.title),
          ...this.analyser.terms(body),
        ];
        const tf = new Map<string, number>();
        for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
        for (const t of tf.keys()) df.set(t, (df.get(t) ?? 0) + 1);
        this.docs.push({ passage, tf, length: terms.length });
        for (const w of words(`${topic.title} ${passage.heading} ${body}`)) this.countWord(w);
      }
    }
    for (const w of this.analyser.glossaryWords) for (const x of words(w)) this.countWord(x);
    const n = this.docs.length;
    for (const [term, f] of df) this.idf.set(term, Math.log(1 + (n - f + 0.5) / (f + 0.5)));
    this.maxIdf = Math.log(1 + (n - 0.5) / 1.5);
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
    const weights = terms.map((t) => this.idf.get(t) ?? this.maxIdf);
    const credit = terms.map((t) => (corrected.has(t) ? CORRECTED_CREDIT : 1));
    const total = weights.reduce((s, w) => s + w, 0);
    const results: ScoredPassage[] = [];
    for (const doc of this.docs) {
      let score = 0;
      let matched = 0;
      let matchedTerms = 0;
      terms.forEach((term, i) => {
        const tf = doc.tf.get(term);
        if (!tf) return;
        matchedTerms++;
        const idf = weights[i];
        matched += idf * credit[i];
        score += (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * doc.length) / this.avgLength));
      });
      if (score > 0)
        results.push({
          passage: doc.passage,
          score,
          coverage: matched / total,
          matchedTerms,
          queryTerms: terms.length,
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
