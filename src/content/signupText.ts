// The sign-up words editors may change (knowledge/signups.yaml): what the workshops are, the
// privacy notices shown before anyone gives their details, and the consent question after each.
// Retention periods are filled in from the code that enforces them. What the journeys say step by
// step is in signupMessages.yaml (src/content/signupMessages.ts).
import path from 'node:path';
import { z } from 'zod';
import { plainText, reviewedDate, source } from './common.js';
import { loadYamlFile } from './loadYaml.js';
import { privacyTemplate } from './privacyLinks.js';
import { template } from './templates.js';

const paragraphs = z.array(plainText(300)).min(1);

const privacyNotice = z
  .array(privacyTemplate(300))
  .min(1)
  .refine(
    (ps) => ps.some((p) => p.includes('{retentionDays}')),
    'must say how long details are kept, using {retentionDays}',
  );

/** The question after a privacy notice, its re-prompt, and what is said when the answer is no. */
const consentWording = z
  .object({
    question: template([], { max: 200 }),
    retry: template([], { max: 200 }),
    declined: template([], { max: 300 }),
  })
  .strict();

export const signupTextSchema = z
  .object({
    source,
    reviewed: reviewedDate,
    workshopIntro: paragraphs,
    workshopPrivacy: privacyNotice,
    workshopConsent: consentWording,
    volunteerIntro: paragraphs,
    volunteerPrivacy: privacyNotice,
    volunteerConsent: consentWording,
    /** The buttons on the consent card, and the hint for channels that cannot show buttons. */
    consentAnswers: z
      .object({
        yes: template([], { max: 40 }),
        no: template([], { max: 40 }),
        typeHint: template([], { max: 100 }),
      })
      .strict(),
  })
  .strict();

export type SignupText = z.infer<typeof signupTextSchema>;
export type ConsentWording = z.infer<typeof consentWording>;

export async function loadSignupText(knowledgeDir: string): Promise<SignupText> {
  return loadYamlFile(path.join(knowledgeDir, 'signups.yaml'), signupTextSchema);
}
