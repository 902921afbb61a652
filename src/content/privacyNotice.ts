// The full privacy notice (knowledge/privacyNotice.yaml), served as a page at /privacy.
import path from 'node:path';
import { z } from 'zod';
import { reviewedDate, source } from './common.js';
import { loadYamlFile } from './loadYaml.js';
import { template } from './templates.js';

/** The notice may say how long details are kept: {retentionDays} (the RETENTION_DAYS setting). */
const noticeText = (max: number) => template(['retentionDays'], { optional: ['retentionDays'], max });
const paragraphs = z.array(noticeText(600));

export const privacyNoticeSchema = z
  .object({
    source,
    reviewed: reviewedDate,
    title: noticeText(120),
    sections: z
      .array(
        z
          .object({
            heading: noticeText(120),
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
