// Answers questions about the Safer Kingston Partnership Plan from the knowledge base: the best
// passage with its source line and two related topics, or an honest "not known" with the closest
// topics. Also gives the browsable menu (priority -> commitment, theme -> passage).
import path from 'node:path';
import { Bm25Index, type ScoredPassage } from './bm25.js';
import { loadPlanKnowledge, type PlanKnowledge } from './loadPlan.js';
import { loadServices, type ServiceDirectory } from '../content/services.js';
import { PLAN_DOCUMENT, type Passage, type Topic } from './schema.js';

/** Below this share of the question's weight matched, the best passage is not an answer. */
export const MIN_COVERAGE = 0.6;
/** A BM25 score below this means only a weak word or two matched. */
export const MIN_SCORE = 3;

/** Offered when nothing in the plan comes close to a question. */
const FALLBACK_TOPICS = ['priorities-overview', 'cross-cutting-themes', 'partnership'];
/** The 2008/11 plan is history: searched only when a question names the old plan or the past. */
const HISTORY_TOPIC = 'history';
const ASKS_ABOUT_HISTORY =
  /\b(?:2008|2011|2008\/11|08\/11|old|older|earlier|previous|past|history|historical|former|before|original|first)\b/i;
/** A second passage joins the answer when it ranks this close to the first... */
const SECOND_PASSAGE_RATIO = 0.5;
/** ...or holds question terms the first lacks, covering at least this much of the question itself. */
const SECOND_PASSAGE_MIN_COVERAGE = 0.4;

export interface PlanAnswer {
  kind: 'answer';
  passage: Passage;
  topic: Topic;
  /** A second passage that scored close or holds what the first lacks (a two-part question). */
  also?: { passage: Passage; topic: Topic; source: string };
  /** "Safer Kingston Partnership Plan 2024-2029, section ..." */
  source: string;
  /** Two topics to offer as follow-ups. */
  related: Topic[];
  score: number;
  coverage: number;
}

export interface PlanNotKnown {
  kind: 'unknown';
  /** Where facts of this kind are published (declines.yaml), or the general pointer. */
  where: string;
  /** The decline in declines.yaml the question matched, when one did. */
  declined?: string;
  /** The topics closest to the question (two or three), to offer instead. */
  closest: Topic[];
  score: number;
  coverage: number;
}

export type PlanReply = PlanAnswer | PlanNotKnown;

export class PlanGuide {
  private readonly index: Bm25Index;
  private readonly topicsById: Map<string, Topic>;
  private readonly passagesById: Map<string, Passage>;
  private readonly declines: { id: string; asks: RegExp[]; where: string }[];

  constructor(readonly knowledge: PlanKnowledge) {
    this.declines = knowledge.declines.declines.map((d) => ({
      id: d.id,
      asks: d.asks.map((a) => new RegExp(a, 'i')),
      where: d.where,
    }));
    this.index = new Bm25Index(knowledge.topics, knowledge.glossary);
    this.topicsById = new Map(knowledge.topics.map((t) => [t.id, t]));
    this.passagesById = new Map(knowledge.topics.flatMap((t) => t.passages.map((p) => [p.id, p] as const)));
  }

  get topics(): readonly Topic[] {
    return this.knowledge.topics;
  }

  get passageCount(): number {
    return this.index.size;
  }

  /** The kind of question the plan cannot answer that this one is, if any (declines.yaml). */
  declineFor(question: string): { id: string; where: string } | undefined {
    return this.declines.find((d) => d.asks.some((a) => a.test(question)));
  }

  /** Ranked passages, the 2008/11 plan left out unless the question names the old plan or the past. */
  search(question: string): ScoredPassage[] {
    const results = this.index.search(question);
    if (ASKS_ABOUT_HISTORY.test(question)) return results;
    return results.filter((r) => r.passage.topicId !== HISTORY_TOPIC);
  }

  /** The answer to a question; `exclude` leaves out a passage (one just shown, for a follow-up). */
  ask(question: string, exclude?: string): PlanReply {
    const decline = this.declineFor(question);
    const results = this.search(question).filter((r) => r.passage.id !== exclude);
    const whole = results[0] && isConfident(results[0]) ? results[0] : undefined;
    // A two-part question ("what is X and how often is Y") is answered part by part.
    const parts = questionParts(question)
      .map((part) => this.search(part)[0])
      .filter((r): r is ScoredPassage => r !== undefined && isConfident(r));
    const best = whole ?? (parts.length >= 2 ? parts[0] : undefined);
    if (!decline && best) {
      const answer = this.answerWith(best.passage, best.score, best.coverage);
      const second =
        parts.find((r) => r.passage.id !== best.passage.id) ?? secondPassage(best, results.slice(1, 4));
      if (second) {
        const topic = this.topic(second.passage.topicId);
        answer.also = { passage: second.passage, topic, source: sourceLine(topic) };
      }
      return answer;
    }
    const closest: Topic[] = [];
    for (const r of results) {
      const topic = this.topicsById.get(r.passage.topicId);
      if (topic && !closest.includes(topic) && topic.id !== 'history') closest.push(topic);
      if (closest.length === 3) break;
    }
    for (const id of FALLBACK_TOPICS) {
      if (closest.length >= 2) break;
      const topic = this.topicsById.get(id);
      if (topic && !closest.includes(topic)) closest.push(topic);
    }
    return {
      kind: 'unknown',
      where: decline?.where ?? this.knowledge.wording.whereToLook,
      ...(decline ? { declined: decline.id } : {}),
      closest,
      score: best?.score ?? 0,
      coverage: best?.coverage ?? 0,
    };
  }

  /** The answer for one passage, as when someone picks it from the menu. */
  answerWith(passage: Passage, score = 1, coverage = 1): PlanAnswer {
    const topic = this.topic(passage.topicId);
    return {
      kind: 'answer',
      passage,
      topic,
      source: sourceLine(topic),
      related: topic.related.slice(0, 2).map((id) => this.topic(id)),
      score,
      coverage,
    };
  }

  /** A topic by id; throws for an unknown id (ids from users must be checked with `findTopic`). */
  topic(id: string): Topic {
    const topic = this.topicsById.get(id);
    if (!topic) throw new Error(`The plan knowledge base has no topic "${id}"`);
    return topic;
  }

  findTopic(id: string): Topic | undefined {
    return this.topicsById.get(id);
  }

  findPassage(id: string): Passage | undefined {
    return this.passagesById.get(id);
  }

  /** The four priorities, in order, for the menu. */
  priorities(): Topic[] {
    return this.group('priority');
  }

  /** The six cross-cutting themes, in order, for the menu. */
  themes(): Topic[] {
    return this.group('theme');
  }

  private group(group: 'priority' | 'theme'): Topic[] {
    return this.topics.filter((t) => t.group === group).sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
  }
}

/**
 * Enough of the question is matched: most of its weight, a fair score, and when it asked about
 * two or more things, at least two of them (one shared word is a coincidence, not an answer).
 */
function isConfident(best: ScoredPassage): boolean {
  // Beside words the plan never uses, one shared word is too little ("when are the bins collected"),
  // unless it is what the passage is about ("what dose the plan say about homelesness").
  const fewest = best.unknownTerms > 0 && best.aboutTerms === 0 ? 2 : Math.min(2, best.queryTerms);
  if (best.coverage < MIN_COVERAGE || best.matchedTerms < fewest) return false;
  // A heading that holds every word of the question answers it, however common the words
  // ("What is the Safer Kingston Partnership?"); otherwise the score must show more than a word or two.
  return best.score >= MIN_SCORE || (best.aboutTerms === best.queryTerms && best.unknownTerms === 0);
}

/** Where a question joins two asks: "?", ";", or "and" before a new question or subject. */
const PART_BREAK =
  /\s*(?:\?|;|,?\s+and\s+(?:also\s+)?(?=(?:what|how|who|which|why|when|where|does|do|is|are|can|the|its|their|it)\b))\s*/i;

/** The parts of a question that asks two things, or [] when it asks one. */
export function questionParts(question: string): string[] {
  const parts = question
    .split(PART_BREAK)
    .map((p) => p.trim())
    .filter((p) => p.split(/\s+/).length >= 2);
  return parts.length >= 2 ? parts.slice(0, 3) : [];
}

/**
 * A passage worth showing after the best one: it ranks close, or it holds question terms the best
 * lacks (facts split over two passages), and it is no mere echo of one shared word.
 */
function secondPassage(best: ScoredPassage, next: ScoredPassage[]): ScoredPassage | undefined {
  const rank = (r: ScoredPassage) => r.score * Math.sqrt(r.coverage);
  for (const r of next) {
    if (r.coverage < SECOND_PASSAGE_MIN_COVERAGE || r.score < MIN_SCORE) continue;
    const close = rank(r) >= SECOND_PASSAGE_RATIO * rank(best);
    const addsTerms = [...r.matched].some((t) => !best.matched.has(t));
    if (close || (addsTerms && best.coverage < 1)) return r;
  }
  return undefined;
}

/** Where a passage comes from, in the form professionals can quote. */
export function sourceLine(topic: Topic): string {
  return `${topic.document ?? PLAN_DOCUMENT}, section "${topic.section}"`;
}

/** Loads knowledge/plan/ (phone numbers from services.yaml) and builds its search index. */
export async function loadPlanGuide(knowledgeDir: string, services?: ServiceDirectory): Promise<PlanGuide> {
  const directory = services ?? (await loadServices(knowledgeDir));
  return new PlanGuide(await loadPlanKnowledge(path.join(knowledgeDir, 'plan'), directory));
}
