// Where people give up: each journey records the questions it reached, once per run of the journey,
// as ids only (the dialog's id, or the key of the choice question it asks), never what was typed.
// The staff dashboard shows them as a funnel between "started" and "completed".
import type { DialogContext } from '../src/bot/dialogKit.js';
import type { Insights } from '../src/insights/insights.js';

/** Kept in the journey's own dialog state: the steps this run has already counted. */
interface FunnelState {
  funnelSteps?: string[];
}

/** The id of the question waiting for an answer in the innermost active dialog, if any. */
export function waitingStep(dc: DialogContext): string | undefined {
  let inner = dc;
  while (inner.child) inner = inner.child;
  const active = inner.activeDialog;
  if (!active) return undefined;
  const key = (active.state as { options?: { validations?: { key?: unknown } } } | undefined)?.options
    ?.validations?.key;
  // A shared prompt (one for all of a journey's choice questions) is told apart by its question's
  // key; a yes/no question's key only restates its prompt's id, so the id names it either way.
  const specific = typeof key === 'string' && key !== `yes-no:${active.id}`;
  return (specific ? key : active.id).replace(/:/g, '.');
}

/** Counts the step the journey now waits at, unless this run of the journey counted it already. */
export async function recordStepReached(
  outerDc: DialogContext,
  journey: string,
  insights: Insights,
): Promise<void> {
  const step = waitingStep(outerDc);
  const state = outerDc.activeDialog?.state as FunnelState | undefined;
  if (!step || !state) return;
  const seen = (state.funnelSteps ??= []);
  if (seen.includes(step)) return;
  seen.push(step);
  await insights.record({ type: 'journey_step', journey, step });
}
