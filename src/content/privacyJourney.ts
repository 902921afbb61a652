// Wording of the privacy journey (knowledge/privacyJourney.yaml). The messages that may link to the
// notice with {notice} (or say {retentionDays}) are checked templates.
import path from 'node:path';
import { z } from 'zod';
import { plainText, reviewedDate, source } from './common.js';
import { loadYamlFile } from './loadYaml.js';
import { privacyTemplate } from './privacyLinks.js';

export const privacyJourneySchema = z
  .object({
    source,
    reviewed: reviewedDate,
    intro: privacyTemplate(400),
    choices: z.object({ see: plainText(40), delete: plainText(40), done: plainText(40) }).strict(),
    choose: plainText(120),
    askReference: plainText(300),
    badReference: plainText(300),
    askEmail: plainText(200),
    notFound: privacyTemplate(400),
    heldIntro: plainText(200),
    offerDelete: plainText(200),
    confirmDelete: plainText(300),
    deleted: privacyTemplate(300),
    kept: privacyTemplate(300),
    nothingDeleted: privacyTemplate(300),
    finished: privacyTemplate(300),
  })
  .strict();

export type PrivacyJourneyText = z.infer<typeof privacyJourneySchema>;

export function loadPrivacyJourney(knowledgeDir: string): Promise<PrivacyJourneyText> {
  return loadYamlFile(path.join(knowledgeDir, 'privacyJourney.yaml'), privacyJourneySchema);
}
