// The plan search's dev set (tests/plan/devset.yaml): questions with the facts their answer must
// contain, and questions the plan does not answer. Shared by the tests and bench:plan.
import path from 'node:path';
import { z } from 'zod';
import { loadYamlFile } from '../content/loadYaml.js';
import { projectRoot } from '../paths.js';
import type { PlanGuide, PlanReply } from './planGuide.js';

export const devSetSchema = z
  .object({
    questions: z
      .array(
        z
          .object({
            q: z.string().min(2),
            facts: z.array(z.union([z.string(), z.number()]).transform(String)).min(1),
          })
          .strict(),
      )
      .min(1),
    outOfPlan: z.array(z.string().min(2)).min(1),
  })
  .strict();

export type DevSet = z.infer<typeof devSetSchema>;

export const devSetFile = path.join(projectRoot, 'tests', 'plan', 'devset.yaml');
/** Questions never used to tune the search: a fairer estimate for new questions. */
export const heldOutFile = path.join(projectRoot, 'tests', 'plan', 'heldout.yaml');

export function loadDevSet(file = devSetFile): Promise<DevSet> {
  return loadYamlFile(file, devSetSchema, 'q');
}

/** The facts a reply is missing; every fact is missing when the reply is not an answer. */
export function missingFacts(reply: PlanReply, facts: readonly string[]): string[] {
  if (reply.kind !== 'answer') return [...facts];
  const text = `${reply.passage.heading}\n${reply.passage.text}`.toLowerCase();
  return facts.filter((f) => !text.includes(f.toLowerCase()));
}

export interface DevSetScore {
  questions: number;
  answeredWithAllFacts: number;
  answerRate: number;
  outOfPlan: number;
  outOfPlanDeclined: number;
  failures: { q: string; missing: string[] }[];
}

export function scoreDevSet(guide: PlanGuide, devSet: DevSet): DevSetScore {
  const failures: DevSetScore['failures'] = [];
  for (const { q, facts } of devSet.questions) {
    const missing = missingFacts(guide.ask(q), facts);
    if (missing.length) failures.push({ q, missing });
  }
  const answered = devSet.questions.length - failures.length;
  const declined = devSet.outOfPlan.filter((q) => guide.ask(q).kind === 'unknown').length;
  return {
    questions: devSet.questions.length,
    answeredWithAllFacts: answered,
    answerRate: answered / devSet.questions.length,
    outOfPlan: devSet.outOfPlan.length,
    outOfPlanDeclined: declined,
    failures,
  };
}
