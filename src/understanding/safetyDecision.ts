// The crisis decision, the same for the middleware, the recogniser and the eval tool. It reads the
// message alone (and the one or two short messages before it, when this one is short too), never
// the journey. The matcher decides; the classifier may only add: a 'none' becomes 'possible'
// between the low and the high threshold, and 'certain' above the high one. It never lowers a match.
import type { CrisisCheck, CrisisMatcher } from './crisisMatcher.js';

/** The classifier's crisis probability from which the short 999 line leads the reply. */
export const CLASSIFIER_POSSIBLE = 0.7;
/** The classifier's crisis probability from which the full crisis reply is sent. */
export const CLASSIFIER_CERTAIN = 0.78;
/** The fewest words with which the classifier alone may speak ("a man", "my mate" are too little). */
const MIN_CLASSIFIER_WORDS = 3;
/** A message this short may be the second half of an emergency told over several messages. */
export const SHORT_TURN_WORDS = 8;
/** At most this many earlier short messages are read with a short one. */
export const EARLIER_TURNS = 2;

export interface SafetyInputs {
  matcher: CrisisMatcher;
  /** The classifier's crisis probability for a text, without any journey context. */
  crisisScore?: (text: string) => number;
  /** The short messages just before this one, oldest first (kept briefly in conversation state). */
  earlier?: readonly string[];
}

export interface SafetyDecision extends CrisisCheck {
  /** The classifier's crisis probability, when it was asked. */
  classifier?: number;
}

const rank = { none: 0, possible: 1, certain: 2 } as const;

function withClassifier(check: CrisisCheck, text: string, inputs: SafetyInputs): SafetyDecision {
  if (check.level === 'certain' || !inputs.crisisScore || check.words < MIN_CLASSIFIER_WORDS) return check;
  let score: number;
  try {
    score = inputs.crisisScore(text);
  } catch {
    return check;
  }
  const reasons = [...check.reasons];
  let level: CrisisCheck['level'] = check.level;
  // A clear lowering word (a hypothetical, a finished past, a game, an idiom) is not argued with.
  if (check.lowered) return { ...check, classifier: score };
  if (score >= CLASSIFIER_CERTAIN) level = 'certain';
  else if (score >= CLASSIFIER_POSSIBLE) level = 'possible';
  if (level !== check.level) reasons.push(`classifier ${score.toFixed(2)}: ${level}`);
  return { ...check, level, reasons, classifier: score };
}

export function decideSafety(text: string, inputs: SafetyInputs): SafetyDecision {
  const alone = withClassifier(inputs.matcher.check(text), text, inputs);
  const earlier = inputs.earlier ?? [];
  if (alone.level === 'certain' || earlier.length === 0 || alone.words > SHORT_TURN_WORDS) return alone;
  // "my neighbour" / "she's on the floor not breathing": read together with what came just before.
  const joined = [...earlier.slice(-EARLIER_TURNS), text].join(' ');
  const together = withClassifier(inputs.matcher.check(joined), joined, inputs);
  return rank[together.level] > rank[alone.level] ? together : alone;
}

/** Whether a message is short enough to be kept briefly as context for the next one. */
export function isShortTurn(check: CrisisCheck): boolean {
  return check.words > 0 && check.words <= SHORT_TURN_WORDS;
}
