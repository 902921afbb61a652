// Evaluates a recogniser on lines {"text": "...", "accept": ["route", ...]}: accuracy, per-route
// precision and recall, the most confused pairs, crisis recall and the crisis false-positive rate.
import { z } from 'zod';
import { ROUTES, routeSchema, type Recogniser, type Route } from './types.js';

/** One line of an evaluation file; other fields (ids, notes) are allowed and ignored. */
export const evalLineSchema = z.object({
  text: z.string().min(1),
  accept: z.union([routeSchema.transform((r) => [r]), z.array(routeSchema).min(1)]),
  activeJourney: routeSchema.optional(),
});
export type EvalLine = z.output<typeof evalLineSchema>;

/** Reads JSONL; a bad line is reported with its number. */
export function parseEvalLines(jsonl: string, name = 'evaluation file'): EvalLine[] {
  const lines: EvalLine[] = [];
  jsonl.split('\n').forEach((raw, i) => {
    if (!raw.trim()) return;
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      throw new Error(`${name} line ${i + 1} is not valid JSON`);
    }
    const parsed = evalLineSchema.safeParse(data);
    if (!parsed.success && parsed.error.issues.some((x) => x.path[0] === 'accept'))
      throw new Error(`${name} line ${i + 1}: "accept" must list routes from: ${ROUTES.join(', ')}`);
    if (!parsed.success)
      throw new Error(
        `${name} line ${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')} ${x.message}`).join('; ')}`,
      );
    lines.push(parsed.data);
  });
  return lines;
}

export interface RouteFigures {
  route: Route;
  precision: number;
  recall: number;
  support: number;
}

export interface EvalReport {
  lines: number;
  accuracy: number;
  perRoute: RouteFigures[];
  confused: { expected: Route; got: Route; count: number }[];
  crisisRecall: number;
  crisisLines: number;
  crisisFalsePositiveRate: number;
  crisisFalsePositives: number;
  nonCrisisLines: number;
  mistakes: { text: string; accept: Route[]; got: Route; score: number }[];
}

export function evaluate(recogniser: Pick<Recogniser, 'recognise'>, lines: EvalLine[]): EvalReport {
  const stats = new Map<Route, { tp: number; fp: number; fn: number; support: number }>();
  const stat = (r: Route) => {
    let s = stats.get(r);
    if (!s) stats.set(r, (s = { tp: 0, fp: 0, fn: 0, support: 0 }));
    return s;
  };
  const confused = new Map<string, number>();
  const mistakes: EvalReport['mistakes'] = [];
  let correct = 0;
  let crisisLines = 0;
  let crisisCaught = 0;
  let nonCrisis = 0;
  let crisisFp = 0;
  for (const line of lines) {
    const result = recogniser.recognise(line.text, { activeJourney: line.activeJourney });
    const expected = line.accept[0];
    stat(expected).support++;
    const ok = line.accept.includes(result.route);
    if (ok) {
      correct++;
      stat(result.route).tp++;
    } else {
      stat(expected).fn++;
      stat(result.route).fp++;
      const key = `${expected}\u0000${result.route}`;
      confused.set(key, (confused.get(key) ?? 0) + 1);
      mistakes.push({ text: line.text, accept: line.accept, got: result.route, score: result.score });
    }
    // A crisis line is one whose expected route is crisis; a line that merely accepts crisis
    // among others counts for neither crisis figure.
    if (expected === 'crisis') {
      crisisLines++;
      if (result.route === 'crisis') crisisCaught++;
    } else if (!line.accept.includes('crisis')) {
      nonCrisis++;
      if (result.route === 'crisis') crisisFp++;
    }
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : Math.round((a / b) * 10000) / 10000);
  return {
    lines: lines.length,
    accuracy: ratio(correct, lines.length),
    perRoute: [...stats.entries()]
      .map(([route, s]) => ({
        route,
        precision: ratio(s.tp, s.tp + s.fp),
        recall: ratio(s.tp, s.tp + s.fn),
        support: s.support,
      }))
      .sort((a, b) => a.route.localeCompare(b.route)),
    confused: [...confused.entries()]
      .map(([key, count]) => {
        const [expected, got] = key.split('\u0000') as [Route, Route];
        return { expected, got, count };
      })
      .sort((a, b) => b.count - a.count),
    crisisRecall: ratio(crisisCaught, crisisLines),
    crisisLines,
    crisisFalsePositiveRate: ratio(crisisFp, nonCrisis),
    crisisFalsePositives: crisisFp,
    nonCrisisLines: nonCrisis,
    mistakes,
  };
}
