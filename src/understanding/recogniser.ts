// The recogniser: normalise -> features -> classifier -> { route, score, alternatives }, with the
// safeguarding decision (safetyDecision.ts) deciding alone whether the route is 'crisis'.
import type { CrisisMatcher } from './crisisMatcher.js';
import { features, SpellFixer, tokens } from './features.js';
import { normalise } from './normalise.js';
import { SoftmaxScorer, trainSoftmax, type SoftmaxModel, type TrainOptions } from './softmax.js';
import { CLASSIFIER_CERTAIN, decideSafety, type SafetyDecision } from './safetyDecision.js';
import type { TrainingSet } from './trainingData.js';
import {
  ROUTES,
  routeSchema,
  type RecognitionContext,
  type Recogniser,
  type RecogniserResult,
  type Route,
  type ScoredRoute,
} from './types.js';

/** Below this score the bot asks "Did you mean ...?" instead of guessing. */
export const LOW_CONFIDENCE = 0.5;
/** How much the journey someone is in counts for, when a message could belong to several (never for crisis). */
const ACTIVE_JOURNEY_BOOST = 1.4;
const ALTERNATIVES = 3;

export interface TrainedModel {
  /** Changes when the content or the code that reads it changes. */
  key: string;
  softmax: SoftmaxModel;
  vocabulary: string[];
  /** Normalised training texts with their route, for exact matches. */
  exact: [string, Route][];
}

export function trainModel(set: TrainingSet, key: string, options?: TrainOptions): TrainedModel {
  const normalised = set.examples.map((e) => ({ text: normalise(e.text), route: e.route }));
  const vocabulary = new Set<string>();
  for (const e of normalised) for (const t of tokens(e.text)) vocabulary.add(t);
  const samples = normalised.map((e) => ({ features: features(e.text), label: e.route }));
  const exact = new Map<string, Route>();
  const clashes = new Set<string>();
  for (const e of normalised) {
    const seen = exact.get(e.text);
    if (seen && seen !== e.route) clashes.add(e.text);
    exact.set(e.text, e.route);
  }
  for (const c of clashes) exact.delete(c);
  return {
    key,
    softmax: trainSoftmax(samples, options),
    vocabulary: [...vocabulary].sort(),
    exact: [...exact],
  };
}

export class NaturalRecogniser implements Recogniser {
  private readonly scorer: SoftmaxScorer;
  private readonly fixer: SpellFixer;
  private readonly exact: Map<string, Route>;
  private readonly labels: Route[];

  constructor(
    readonly model: TrainedModel,
    /** The safeguarding matcher over knowledge/safeguarding/; without it only the classifier speaks. */
    private readonly matcher?: CrisisMatcher,
  ) {
    this.scorer = new SoftmaxScorer(model.softmax);
    this.fixer = new SpellFixer(model.vocabulary);
    this.exact = new Map(model.exact);
    this.labels = model.softmax.labels.map((l) => routeSchema.parse(l));
  }

  recognise(text: string, context: RecognitionContext = {}): RecogniserResult {
    const normalised = normalise(text);
    if (!/[a-z0-9]/.test(normalised))
      return result(ranked({ help: 0.34, greeting: 0.33, out_of_scope: 0.33 }));

    const scores = this.classify(normalised, context);
    const certain = this.matcher
      ? this.safety(text).level === 'certain'
      : (scores.crisis ?? 0) >= CLASSIFIER_CERTAIN && !context.activeJourney;
    if (certain) return result(promote(scores, 'crisis', 0.97));

    const exactRoute = this.exact.get(normalised);
    if (exactRoute && exactRoute !== 'crisis') return result(promote(scores, exactRoute, 0.95));

    let order = ranked(scores);
    const active = context.activeJourney;
    // Inside a journey, a message that is unclear on its own most likely belongs to the journey.
    if (active && active !== 'crisis' && order[0].score < LOW_CONFIDENCE && order[0].route !== active)
      order = promote(scores, active, LOW_CONFIDENCE);
    // Only the safeguarding decision routes to crisis; a classifier guess alone goes elsewhere.
    if (order[0].route === 'crisis') return result(demote(scores, 'crisis'));
    return result(order);
  }

  /** The classifier's crisis probability for the message alone, with no journey context. */
  crisisScore(text: string): number {
    return this.classify(normalise(text), {}).crisis ?? 0;
  }

  /** The safeguarding decision: the matcher, with the classifier allowed only to add. */
  safety(text: string, earlier?: readonly string[]): SafetyDecision {
    if (!this.matcher) throw new Error('This recogniser was built without the safeguarding matcher');
    return decideSafety(text, { matcher: this.matcher, crisisScore: (t) => this.crisisScore(t), earlier });
  }

  private classify(normalised: string, context: RecognitionContext): Partial<Record<Route, number>> {
    const probs = this.scorer.probabilities(features(normalised, this.fixer));
    const scores: Partial<Record<Route, number>> = {};
    this.labels.forEach((label, i) => (scores[label] = probs[i]));
    const active = context.activeJourney;
    if (active && active !== 'crisis' && scores[active] !== undefined) {
      scores[active] = (scores[active] ?? 0) * ACTIVE_JOURNEY_BOOST;
      const total = Object.values(scores).reduce((a, b) => a + (b ?? 0), 0);
      for (const r of ROUTES) if (scores[r] !== undefined) scores[r] = (scores[r] ?? 0) / total;
    }
    return scores;
  }
}

function ranked(scores: Partial<Record<Route, number>>): ScoredRoute[] {
  return (Object.entries(scores) as [Route, number][])
    .map(([route, score]) => ({ route, score }))
    .sort((a, b) => b.score - a.score);
}

/** Puts `route` first with `score`, and shares the rest among the others in proportion. */
function promote(scores: Partial<Record<Route, number>>, route: Route, score: number): ScoredRoute[] {
  const target = Math.max(score, scores[route] ?? 0);
  const others = ranked(scores).filter((s) => s.route !== route);
  const rest = others.reduce((a, s) => a + s.score, 0) || 1;
  return [
    { route, score: target },
    ...others.map((s) => ({ route: s.route, score: ((1 - target) * s.score) / rest })),
  ];
}

/** Removes `route` and renormalises the others. */
function demote(scores: Partial<Record<Route, number>>, route: Route): ScoredRoute[] {
  const others = ranked(scores).filter((s) => s.route !== route);
  const total = others.reduce((a, s) => a + s.score, 0) || 1;
  return [...others.map((s) => ({ route: s.route, score: s.score / total })), { route, score: 0 }];
}

function result(order: ScoredRoute[]): RecogniserResult {
  const round = (n: number) => Math.round(n * 1000) / 1000;
  const [top, ...rest] = order;
  return {
    route: top.route,
    score: round(top.score),
    alternatives: rest.slice(0, ALTERNATIVES).map((s) => ({ route: s.route, score: round(s.score) })),
  };
}
