// Bystander training content (knowledge/bystander/): the 5Ds and Ask for Angela, the words around
// the training, and the local scenarios people practise on.
import path from 'node:path';
import { z } from 'zod';
import { plainText, reviewedDate, slug, source } from './common.js';
import { loadYamlFile } from './loadYaml.js';
import { template } from './templates.js';

export const FIVE_DS = ['distract', 'delegate', 'document', 'delay', 'direct'] as const;
export const TECHNIQUE_IDS = [...FIVE_DS, 'ask-for-angela'] as const;
export type TechniqueId = (typeof TECHNIQUE_IDS)[number];

const keywordList = z.array(z.string().trim().toLowerCase().min(1, 'must not be empty')).default([]);

export const techniqueSchema = z
  .object({
    id: z.enum(TECHNIQUE_IDS, {
      errorMap: () => ({ message: `must be one of ${TECHNIQUE_IDS.join(', ')}` }),
    }),
    name: plainText(40),
    explain: plainText(400),
    keep: plainText(160),
    source,
    reviewed: reviewedDate,
  })
  .strict();

export const techniquesFileSchema = z.array(techniqueSchema).superRefine((list, ctx) => {
  const seen = new Set<string>();
  list.forEach((t, i) => {
    if (seen.has(t.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `"${t.id}" is used twice` });
    seen.add(t.id);
  });
  for (const id of TECHNIQUE_IDS)
    if (!seen.has(id))
      ctx.addIssue({ code: 'custom', path: [], message: `the technique "${id}" is missing` });
});

export const RATINGS = ['good', 'care', 'unsafe'] as const;

export const scenarioOptionSchema = z
  .object({
    id: z.enum(['a', 'b', 'c', 'd'], { errorMap: () => ({ message: 'must be a, b, c or d' }) }),
    label: plainText(80),
    technique: z.enum([...TECHNIQUE_IDS, 'none'], {
      errorMap: () => ({ message: `must be one of ${TECHNIQUE_IDS.join(', ')} or none` }),
    }),
    rating: z.enum(RATINGS, { errorMap: () => ({ message: 'must be good, care or unsafe' }) }),
    feedback: plainText(500),
    keywords: keywordList,
  })
  .strict();

export const scenarioSchema = z
  .object({
    id: slug,
    title: plainText(60),
    place: plainText(100),
    situation: plainText(500),
    options: z
      .array(scenarioOptionSchema)
      .min(3, 'must have 3 or 4 options')
      .max(4, 'must have 3 or 4 options')
      .superRefine((options, ctx) => {
        const seen = new Set<string>();
        options.forEach((o, i) => {
          if (seen.has(o.id))
            ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `"${o.id}" is used twice` });
          seen.add(o.id);
        });
        if (!options.some((o) => o.rating === 'good'))
          ctx.addIssue({ code: 'custom', path: [], message: 'at least one option must be rated good' });
      }),
    source,
    reviewed: reviewedDate,
  })
  .strict();

export const scenariosFileSchema = z
  .array(scenarioSchema)
  .min(1, 'must have at least one scenario')
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((s, i) => {
      if (seen.has(s.id))
        ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `"${s.id}" is used twice` });
      seen.add(s.id);
    });
  });

const button = z.object({ label: plainText(40), keywords: keywordList }).strict();

/**
 * Course sentences that may say how far the person has got: {done} and {total} situations, and
 * {journey}, the name of the button that opens the course. Each may use any of them, or none.
 */
const PROGRESS_PLACEHOLDERS = ['done', 'total', 'journey'] as const;
const progressText = (max: number) =>
  template(PROGRESS_PLACEHOLDERS, { optional: PROGRESS_PLACEHOLDERS, max });

export const courseSchema = z
  .object({
    intro: plainText(400),
    safetyFirst: plainText(400),
    summaryIntro: plainText(400),
    ready: progressText(200),
    question: plainText(100),
    welcomeBack: progressText(200),
    welcomeBackFinished: progressText(200),
    paused: progressText(300),
    offer: plainText(300),
    techniquesTitle: plainText(60),
    summaryTitle: plainText(60),
    progress: progressText(100),
    /**
     * Someone telling what they saw (a witness story) rather than asking for the training: they
     * hear first that they can still report it, then choose (reporting first).
     */
    witness: z
      .object({
        /** Words of a story about something seen. */
        storyWords: z.array(z.string().trim().toLowerCase().min(1)).min(1),
        /** Words that ask for the training itself; with these, the training starts as usual. */
        courseWords: z.array(z.string().trim().toLowerCase().min(1)).min(1),
        text: plainText(400),
        report: button,
        course: button,
        support: button,
      })
      .strict(),
    buttons: z
      .object({
        begin: button,
        pause: button,
        carryOn: button,
        startAgain: button,
        seeSummary: button,
      })
      .strict(),
    source,
    reviewed: reviewedDate,
  })
  .strict();

export type Technique = z.infer<typeof techniqueSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioOption = z.infer<typeof scenarioOptionSchema>;
export type Course = z.infer<typeof courseSchema>;

export interface BystanderContent {
  course: Course;
  /** In teaching order: the 5Ds, then Ask for Angela. */
  techniques: Technique[];
  scenarios: Scenario[];
}

export const bystanderFiles = (knowledgeDir: string) => ({
  course: path.join(knowledgeDir, 'bystander', 'course.yaml'),
  techniques: path.join(knowledgeDir, 'bystander', 'techniques.yaml'),
  scenarios: path.join(knowledgeDir, 'bystander', 'scenarios.yaml'),
});

export async function loadBystander(knowledgeDir: string): Promise<BystanderContent> {
  const files = bystanderFiles(knowledgeDir);
  const [course, techniques, scenarios] = await Promise.all([
    loadYamlFile(files.course, courseSchema),
    loadYamlFile(files.techniques, techniquesFileSchema),
    loadYamlFile(files.scenarios, scenariosFileSchema),
  ]);
  const order = (id: string) => TECHNIQUE_IDS.indexOf(id as TechniqueId);
  return { course, techniques: [...techniques].sort((a, b) => order(a.id) - order(b.id)), scenarios };
}
