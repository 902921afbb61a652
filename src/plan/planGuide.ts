// Answers questions about the Safer Kingston Partnership Plan from the knowledge base: the best
// passage with its source line and two related topics, or an honest "not known" with the closest
// topics. Also gives the browsable menu (priority -> commitment, theme -> passage).
import path from 'node:path';
import { Bm25Index, type ScoredPassage } from './bm25.js';
import { loadPlanKnowledge, type PlanKnowledge } from './loadPlan.js';
import { PLAN_DOCUMENT, type Passage, type Topic } from './schema.js';

/** Below this share of the question's weight matched, the best passage is not an answer. */
export const MIN_COVERAGE = 0.66;
/** A BM25 score below this means only a weak word or two matched. */
export const MIN_SCORE = 3;

/** Offered when nothing in the plan comes close to a question. */
const FALLBACK_TOPICS = ['priorities-overview', 'cross-cutting-themes', 'partnership'];

export interface PlanAnswer {
  kind: 'answer';
  passage: Passage;
  topic: Topic;
  /** "Safer Kingston Partnership Plan 2024-2029, section ..." */
  source: string;
  /** Two topics to offer as follow-ups. */
  related: Topic[];
  score: number;
  coverage: number;
}

export interface PlanNotKnown {
  kind: 'unknown';
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

  constructor(readonly knowledge: PlanKnowledge) {
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

  ask(question: string): PlanReply {
    const results = this.index.search(question);
    const best = results[0];
    if (best && isConfident(best)) {
      return this.answerWith(best.passage, best.score, best.coverage);
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
    return { kind: 'unknown', closest, score: best?.score ?? 0, coverage: best?.coverage ?? 0 };
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
  return (
    best.coverage >= MIN_COVERAGE &&
    best.score >= MIN_SCORE &&
    best.matchedTerms >= Math.min(2, best.queryTerms)
  );
}

/** Where a passage comes from, in the form professionals can quote. */
export function sourceLine(topic: Topic): string {
  return `${topic.document ?? PLAN_DOCUMENT}, section "${topic.section}"`;
}

/** Loads knowledge/plan/ and builds its search index. */
export async function loadPlanGuide(knowledgeDir: string): Promise<PlanGuide> {
  return new PlanGuide(await loadPlanKnowledge(path.join(knowledgeDir, 'plan')));
}
