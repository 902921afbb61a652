// Plan question sets in the JSON-lines form (tests/plan/*.jsonl): one question a line, either with
// the fact groups its answer must contain (each group passes when any one of its alternatives is
// in the answer, case-insensitive) or marked outOfPlan (the bot must decline). The YAML dev set
// (tests/plan/devset.yaml) is read into the same shape, so bench:plan scores all sets one way.
// Other keys on a line (a note such as "why") are kept out of the way, not refused.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { DevSet } from './devSet.js';

const text = z.string().trim().min(2);

const lineSchema = z.union([
  z
    .object({
      q: text,
      facts: z.array(z.array(z.union([z.string(), z.number()]).transform(String)).min(1)).min(1),
      style: z.string().optional(),
      area: z.string().optional(),
    })
    .passthrough(),
  z
    .object({
      q: text,
      outOfPlan: z.literal(true),
      style: z.string().optional(),
      area: z.string().optional(),
    })
    .passthrough(),
]);

export interface PlanQuestion {
  q: string;
  /** Every group must be met by at least one of its alternatives; absent for out-of-plan. */
  facts?: string[][];
  outOfPlan: boolean;
  style?: string;
}

/** Parses JSON lines, naming the file and line of the first bad one. Blank lines are skipped. */
export function parsePlanQuestions(jsonl: string, name: string): PlanQuestion[] {
  const out: PlanQuestion[] = [];
  jsonl.split('\n').forEach((raw, i) => {
    if (!raw.trim()) return;
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      throw new Error(`${name}, line ${i + 1}: not valid JSON`);
    }
    const parsed = lineSchema.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(
        `${name}, line ${i + 1}: needs "q" and either "facts" (a list of lists) or "outOfPlan": true (${issue.message})`,
      );
    }
    const line = parsed.data;
    out.push(
      'outOfPlan' in line && line.outOfPlan === true
        ? { q: line.q, outOfPlan: true, style: line.style }
        : { q: line.q, facts: (line as { facts: string[][] }).facts, outOfPlan: false, style: line.style },
    );
  });
  return out;
}

export async function loadPlanQuestions(file: string): Promise<PlanQuestion[]> {
  return parsePlanQuestions(await readFile(file, 'utf8'), file);
}

/** The YAML dev set as questions: each of its facts is a group of one. */
export function fromDevSet(devSet: DevSet): PlanQuestion[] {
  return [
    ...devSet.questions.map((d) => ({ q: d.q, facts: d.facts.map((f) => [f]), outOfPlan: false })),
    ...devSet.outOfPlan.map((q) => ({ q, outOfPlan: true })),
  ];
}

/** The fact groups an answer text does not meet. */
export function missingGroups(answer: string, facts: readonly string[][]): string[][] {
  const lower = answer.toLowerCase();
  return facts.filter((group) => !group.some((alt) => lower.includes(alt.toLowerCase())));
}
