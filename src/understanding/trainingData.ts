// Training examples for the recogniser: knowledge/understanding/<route>.yaml, one file per route.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { reviewedDate, source } from '../content/common.js';
import { ContentError } from '../content/contentError.js';
import { JOURNEY_ROUTES } from '../content/conversation.js';
import { loadYamlFile } from '../content/loadYaml.js';
import { ROUTES, routeSchema, type Route } from './types.js';

// Routes that open a journey need the most examples: people ask for them in many ways.
export { JOURNEY_ROUTES };
export const MIN_JOURNEY_EXAMPLES = 60;
export const MIN_OTHER_EXAMPLES = 25;

export const trainingFileSchema = z
  .object({
    route: routeSchema,
    description: z.string().min(10, 'must say in a sentence what this route is for'),
    source,
    reviewed: reviewedDate,
    examples: z.array(z.string().trim().min(1, 'must not be empty').max(300)).min(1),
  })
  .strict();

export type TrainingFile = z.infer<typeof trainingFileSchema>;

export interface TrainingSet {
  examples: { text: string; route: Route }[];
  /** Changes whenever any training file changes: the model cache key. */
  contentHash: string;
}

export function understandingDir(knowledgeDir: string): string {
  return path.join(knowledgeDir, 'understanding');
}

/** Loads and checks every route file; throws a ContentError naming the file and the problem. */
export async function loadTrainingSet(knowledgeDir: string): Promise<TrainingSet> {
  const dir = understandingDir(knowledgeDir);
  const names = (await readdir(dir)).filter((n) => n.endsWith('.yaml')).sort();
  const hash = createHash('sha256');
  const examples: TrainingSet['examples'] = [];
  const seenRoutes = new Set<Route>();
  const seenText = new Map<string, string>();
  for (const name of names) {
    const file = path.join(dir, name);
    hash
      .update(name)
      .update('\0')
      .update(await readFile(file))
      .update('\0');
    const data = await loadYamlFile(file, trainingFileSchema);
    const problems: string[] = [];
    if (name !== `${data.route}.yaml`)
      problems.push(`field "route": "${data.route}" must match the file name`);
    const min = (JOURNEY_ROUTES as readonly Route[]).includes(data.route)
      ? MIN_JOURNEY_EXAMPLES
      : MIN_OTHER_EXAMPLES;
    if (data.examples.length < min)
      problems.push(`field "examples": has ${data.examples.length}, needs at least ${min}`);
    data.examples.forEach((text, i) => {
      const key = text.toLowerCase().replace(/\s+/g, ' ');
      const other = seenText.get(key);
      if (other && other !== data.route)
        problems.push(`example ${i + 1} "${text}": is also an example for route "${other}"`);
      seenText.set(key, data.route);
    });
    if (problems.length) throw new ContentError(file, problems);
    seenRoutes.add(data.route);
    for (const text of data.examples) examples.push({ text, route: data.route });
  }
  const missing = ROUTES.filter((r) => !seenRoutes.has(r));
  if (missing.length)
    throw new ContentError(
      dir,
      missing.map((r) => `there is no file for route "${r}" (add ${r}.yaml)`),
    );
  return { examples, contentHash: hash.digest('hex') };
}
