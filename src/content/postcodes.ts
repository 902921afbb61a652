// Kingston postcode districts and sectors and the wards they fall in (knowledge/postcodes.yaml),
// for people who know their postcode but not their ward.
import path from 'node:path';
import { z } from 'zod';
import { plainText, reviewedDate, slug, source } from './common.js';
import { ContentError } from './contentError.js';
import { loadYamlFile } from './loadYaml.js';
import type { WardList } from './wards.js';

/** A district ("KT6", "SW15") or a district and sector ("KT6 7"), written in capitals. */
const prefix = z
  .string()
  .trim()
  .toUpperCase()
  .regex(
    /^[A-Z]{1,2}[0-9][A-Z0-9]?( [0-9])?$/,
    'must be a postcode district like "KT6" or a sector like "KT6 7"',
  );

export const postcodeEntrySchema = z
  .object({
    prefix,
    wards: z.array(slug).min(1),
    /** What needs checking. While set, the bot offers the wards as a choice, never as fact. */
    unconfirmed: plainText(300).optional(),
    source,
    reviewed: reviewedDate,
  })
  .strict();

export const postcodesFileSchema = z
  .object({ postcodes: z.array(postcodeEntrySchema).min(1) })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.postcodes.forEach((p, i) => {
      if (seen.has(p.prefix))
        ctx.addIssue({
          code: 'custom',
          path: ['postcodes', i, 'prefix'],
          message: `"${p.prefix}" is listed twice`,
        });
      seen.add(p.prefix);
    });
  });

export type PostcodeEntry = z.infer<typeof postcodeEntrySchema>;

export const postcodesFile = (knowledgeDir: string) => path.join(knowledgeDir, 'postcodes.yaml');

export async function loadPostcodes(knowledgeDir: string, wards: WardList): Promise<PostcodeEntry[]> {
  const file = postcodesFile(knowledgeDir);
  const { postcodes } = await loadYamlFile(file, postcodesFileSchema, 'prefix');
  const problems = postcodes.flatMap((p) =>
    p.wards
      .filter((id) => !wards.get(id))
      .map((id) => `postcodes entry "${p.prefix}", field "wards": no ward in wards.yaml has id "${id}"`),
  );
  if (problems.length) throw new ContentError(file, problems);
  return postcodes;
}
