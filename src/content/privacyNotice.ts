// The full privacy notice (knowledge/privacyNotice.yaml), served as a page at /privacy.
import path from 'node:path';
import { z } from 'zod';
import { plainText, reviewedDate, source } from './common.js';
import { loadYamlFile } from './loadYaml.js';

const paragraphs = z.array(plainText(600));

export const privacyNoticeSchema = z
  .object({
    source,
    reviewed: reviewedDate,
    title: plainText(120),
    sections: z
      .array(
        z
          .object({
            heading: plainText(120),
            paragraphs: paragraphs.min(1),
            bullets: paragraphs.optional(),
            after: paragraphs.optional(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export type PrivacyNotice = z.infer<typeof privacyNoticeSchema>;

export function loadPrivacyNotice(knowledgeDir: string): Promise<PrivacyNotice> {
  return loadYamlFile(path.join(knowledgeDir, 'privacyNotice.yaml'), privacyNoticeSchema, 'heading');
}
