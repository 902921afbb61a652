// The sign-up words editors may change (knowledge/signups.yaml): what the workshops are and the
// privacy notices. Retention periods are filled in from the code that enforces them.
import path from 'node:path';
import { z } from 'zod';
import { plainText, reviewedDate, source } from './common.js';
import { loadYamlFile } from './loadYaml.js';

const paragraphs = z.array(plainText(300)).min(1);

export const signupTextSchema = z
  .object({
    source,
    reviewed: reviewedDate,
    workshopIntro: paragraphs,
    workshopPrivacy: paragraphs.refine(
      (ps) => ps.some((p) => p.includes('{retentionDays}')),
      'must say how long details are kept, using {retentionDays}',
    ),
    volunteerIntro: paragraphs,
    volunteerPrivacy: paragraphs.refine(
      (ps) => ps.some((p) => p.includes('{retentionDays}')),
      'must say how long details are kept, using {retentionDays}',
    ),
  })
  .strict();

export type SignupText = z.infer<typeof signupTextSchema>;

export async function loadSignupText(knowledgeDir: string): Promise<SignupText> {
  return loadYamlFile(path.join(knowledgeDir, 'signups.yaml'), signupTextSchema);
}
