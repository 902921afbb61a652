// The kinds of emergency as content (knowledge/safeguarding/*.yaml): the words that show each one,
// what makes it current, what lowers or raises urgency, and the first steps after 999. Checked with
// zod at start; a broken file is refused with its file, entry and field named.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { plainText, reviewedDate, source } from '../content/common.js';
import { ContentError } from '../content/contentError.js';
import { loadYamlFile } from '../content/loadYaml.js';

/** The kinds of emergency the evaluation sets and the insights name. */
export const HAZARD_IDS = [
  'suicide-self-harm',
  'poisoning-overdose',
  'domestic-abuse',
  'sexual-assault',
  'violence',
  'weapons',
  'fire-gas',
  'terrorism',
  'child-danger',
  'medical',
  'threats-stalking',
  'held-forced',
  'general-danger',
] as const;
export const hazardIdSchema = z.enum(HAZARD_IDS);
export type HazardId = z.infer<typeof hazardIdSchema>;

export const LOWERING_KINDS = [
  'hypothetical',
  'past-safe',
  'fiction-game',
  'topic-question',
  'professional',
  'past',
  'support-question',
  'report-question',
] as const;
export type LoweringKind = (typeof LOWERING_KINDS)[number];

/**
 * A word or phrase as people type it. "..." stands for up to five words of any kind, "*" for
 * exactly one; "=word" is matched exactly (no -s, -ed, -ing forms added); a leading "!" marks a
 * phrase that nothing but an idiom lowers (method questions about suicide).
 */
const phrase = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(80, 'must be at most 80 characters')
  .refine((p) => !/^(\.\.\.|\*)/.test(p.replace(/^!/, '')), 'must not start with "..." or "*"');
const phrases = z.array(phrase);

export const hazardFileSchema = z
  .object({
    id: hazardIdSchema,
    name: plainText(120),
    source,
    reviewed: reviewedDate,
    certain: phrases.min(1, 'must list at least one word or phrase'),
    needsNow: phrases.default([]),
    weak: phrases.default([]),
    current: phrases.default([]),
    firstSteps: z.array(plainText(400)).min(1, 'must give at least one first step after 999'),
  })
  .strict();
export type HazardFile = z.infer<typeof hazardFileSchema>;

export const loweringFileSchema = z
  .object({
    source,
    reviewed: reviewedDate,
    kinds: z
      .object(
        Object.fromEntries(LOWERING_KINDS.map((k) => [k, phrases.min(1)])) as Record<
          LoweringKind,
          typeof phrases
        >,
      )
      .strict(),
    idioms: phrases.min(1),
  })
  .strict();
export type LoweringFile = z.infer<typeof loweringFileSchema>;

export const raisingFileSchema = z
  .object({
    source,
    reviewed: reviewedDate,
    urgent: phrases.min(1),
    current: phrases.min(1),
    /** Current words strong enough that a lowering word in another sentence does not reach theirs. */
    present: phrases.min(1),
  })
  .strict();

/** Named lists of words ("{child}", "{harmed}") that phrases in any file may use. */
export const groupsFileSchema = z
  .object({
    source,
    reviewed: reviewedDate,
    spellings: z
      .record(z.string().regex(/^[a-z0-9]+$/, 'must be one lower-case word'), plainText(40))
      .default({}),
    groups: z.record(z.string().regex(/^[a-z-]+$/, 'must be lower-case letters and hyphens'), phrases.min(1)),
  })
  .strict();
export type GroupsFile = z.infer<typeof groupsFileSchema>;
export type RaisingFile = z.infer<typeof raisingFileSchema>;

export interface CrisisContent {
  hazards: HazardFile[];
  lowering: LoweringFile;
  raising: RaisingFile;
  groups: GroupsFile['groups'];
  /** Texting spellings read as the words they stand for ("cnt" -> "can not"). */
  spellings: GroupsFile['spellings'];
}

const LOWERING_FILE = 'lowering.yaml';
const RAISING_FILE = 'raising.yaml';
const GROUPS_FILE = 'groups.yaml';

/** Reads knowledge/safeguarding/: one file per hazard, plus what lowers and what raises urgency. */
export async function loadCrisisContent(knowledgeDir: string): Promise<CrisisContent> {
  const dir = path.join(knowledgeDir, 'safeguarding');
  const names = (await readdir(dir)).filter((n) => n.endsWith('.yaml')).sort();
  const hazards: HazardFile[] = [];
  for (const name of names) {
    if (name === LOWERING_FILE || name === RAISING_FILE || name === GROUPS_FILE) continue;
    const file = path.join(dir, name);
    const hazard = await loadYamlFile(file, hazardFileSchema);
    if (`${hazard.id}.yaml` !== name)
      throw new ContentError(file, [`field "id": "${hazard.id}" must match the file name (${name})`]);
    hazards.push(hazard);
  }
  const missing = HAZARD_IDS.filter((id) => !hazards.some((h) => h.id === id));
  if (missing.length)
    throw new ContentError(dir, [`a file is missing for each of these hazards: ${missing.join(', ')}`]);
  const groupsFile = path.join(dir, GROUPS_FILE);
  const { groups, spellings } = await loadYamlFile(groupsFile, groupsFileSchema);
  const content: CrisisContent = {
    hazards,
    lowering: await loadYamlFile(path.join(dir, LOWERING_FILE), loweringFileSchema),
    raising: await loadYamlFile(path.join(dir, RAISING_FILE), raisingFileSchema),
    groups,
    spellings,
  };
  const unknown = new Set<string>();
  const phrasesOf = [
    ...hazards.flatMap((h) => [...h.certain, ...h.needsNow, ...h.weak, ...h.current]),
    ...Object.values(content.lowering.kinds).flat(),
    ...content.lowering.idioms,
    ...content.raising.urgent,
    ...content.raising.current,
    ...content.raising.present,
  ];
  for (const p of phrasesOf) for (const [, g] of p.matchAll(/\{([a-z-]+)\}/g)) if (!groups[g]) unknown.add(g);
  if (unknown.size)
    throw new ContentError(groupsFile, [`these groups are used but not defined: ${[...unknown].join(', ')}`]);
  return content;
}
