// The shapes of the plan knowledge base (knowledge/plan/): one Markdown file per topic with YAML
// front matter, each `##` passage answering one kind of question, plus a glossary of acronyms and
// synonyms the search uses.
import { z } from 'zod';
import { plainText, reviewedDate, slug, source } from '../content/common.js';

/** The document a passage comes from, unless its topic says otherwise. */
export const PLAN_DOCUMENT = 'Safer Kingston Partnership Plan 2024-2029';

/** A passage longer than this does not sit comfortably on one card (Teams, web chat). */
export const MAX_PASSAGE_CHARS = 800;
export const MAX_HEADING_CHARS = 90;

export const AUDIENCES = ['professionals', 'residents'] as const;

export const topicFrontMatterSchema = z
  .object({
    id: slug,
    title: plainText(90),
    /** The section of the plan the topic is taken from, as the plan names it. */
    section: plainText(160),
    /** The document, when it is not the 2024-2029 plan (the 2008/11 plan is history only). */
    document: plainText(120).optional(),
    audience: z.array(z.enum(AUDIENCES)).min(1),
    /** Topic ids offered as follow-ups; the first two become buttons. */
    related: z.array(slug).min(2, 'must list at least two related topics'),
    source,
    reviewed: reviewedDate,
    /** Puts the topic in the browsable menu: priorities (priority -> commitment) or themes. */
    group: z.enum(['priority', 'theme']).optional(),
    order: z.number().int().positive().optional(),
  })
  .strict()
  .refine((t) => (t.group === undefined) === (t.order === undefined), {
    message: 'group and order go together: give both or neither',
    path: ['order'],
  });

export type TopicFrontMatter = z.infer<typeof topicFrontMatterSchema>;

export interface Passage {
  /** `<topic id>/<number>`, stable while the file keeps its order. */
  readonly id: string;
  readonly topicId: string;
  readonly heading: string;
  readonly text: string;
  /** The commitment code, like "2c", when the heading starts with one. */
  readonly code?: string;
}

export interface Topic extends TopicFrontMatter {
  readonly file: string;
  readonly passages: readonly Passage[];
}

export const glossarySchema = z
  .object({
    acronyms: z
      .array(
        z
          .object({
            term: z.string().regex(/^[a-z0-9]+$/, 'must be one lower-case word, like "vawg"'),
            means: plainText(120),
          })
          .strict(),
      )
      .min(1),
    /** Groups of words that mean the same here; the first word of each group stands for all. */
    synonyms: z.array(z.array(z.string().regex(/^[a-z0-9]+$/, 'must be one lower-case word')).min(2)),
  })
  .strict();

export type Glossary = z.infer<typeof glossarySchema>;

/** The words of the plan journey (knowledge/plan/dialog.yaml). */
export const planWordingSchema = z
  .object({
    source,
    reviewed: reviewedDate,
    intro: plainText(300),
    browsePriorities: plainText(40),
    browseThemes: plainText(40),
    browseTopics: plainText(40),
    browseMenu: plainText(40),
    choosePriority: plainText(120),
    chooseTheme: plainText(120),
    chooseTopic: plainText(120),
    chooseCommitment: plainText(120),
    choosePassage: plainText(120),
    show: plainText(20),
    sourcePrefix: plainText(20),
    relatedPrefix: plainText(40),
    notKnown: plainText(200),
    /** Where to look when the plan does not answer and no decline in declines.yaml says more. */
    whereToLook: plainText(300),
    /**
     * Commitments this bot itself delivers, with the journey that delivers them: a message the
     * recogniser places in that journey means the journey, not the commitment's wording.
     */
    deliveredBy: z.record(
      z.string().regex(/^[1-4][a-l]$/, 'must be a commitment code like "4f"'),
      z.enum(['bystander', 'workshop', 'volunteer', 'report', 'support', 'privacy']),
    ),
    /** Buttons offering the resident journey a plan question came close to ("Looking for how to report?"). */
    otherJourney: z
      .object({
        bystander: plainText(60),
        workshop: plainText(60),
        volunteer: plainText(60),
        report: plainText(60),
        support: plainText(60),
        privacy: plainText(60),
      })
      .strict(),
    closestPrefix: plainText(120),
    recorded: plainText(200),
    askAnother: plainText(200),
    textChoose: plainText(200),
  })
  .strict();

export type PlanWording = z.infer<typeof planWordingSchema>;

/** A pattern that does not compile is a content error, named at start. */
const pattern = z.string().refine(
  (p) => {
    try {
      new RegExp(p, 'i');
      return true;
    } catch {
      return false;
    }
  },
  { message: 'is not a valid regular expression' },
);

/** Kinds of question the plan cannot answer, and where such facts are published (declines.yaml). */
export const declinesSchema = z
  .object({
    source,
    reviewed: reviewedDate,
    declines: z
      .array(z.object({ id: slug, asks: z.array(pattern).min(1), where: plainText(300) }).strict())
      .min(1),
  })
  .strict();

export type Declines = z.infer<typeof declinesSchema>;
