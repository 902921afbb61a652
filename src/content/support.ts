// Where to get support (knowledge/support.yaml): the topic and audience questions that narrow the
// services directory, and the services open all day and night that every answer offers.
import path from 'node:path';
import { z } from 'zod';
import { plainText, reviewedDate, slug, source } from './common.js';
import { loadYamlFile } from './loadYaml.js';
import { template } from './templates.js';
import { AUDIENCES, TOPICS } from './services.js';

const keywordList = z.array(z.string().trim().toLowerCase().min(1, 'must not be empty')).default([]);

const uniqueIds = <T extends { id: string }>(list: T[], ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  list.forEach((item, i) => {
    if (seen.has(item.id))
      ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `"${item.id}" is used twice` });
    seen.add(item.id);
  });
};

export const supportFileSchema = z
  .object({
    intro: plainText(300),
    topicPrompt: plainText(120),
    audiencePrompt: plainText(120),
    professionalNote: plainText(300),
    noServices: plainText(300),
    /** Introduces the services; {topic} becomes the topic's label. */
    servicesIntro: template(['topic'], { max: 200 }),
    alwaysOpenTitle: plainText(60),
    topics: z
      .array(
        z
          .object({
            id: z.enum(TOPICS, {
              errorMap: () => ({ message: `must be one of the topics: ${TOPICS.join(', ')}` }),
            }),
            label: plainText(60),
            /** Finishes "These services can help with ...". */
            about: plainText(60),
            keywords: keywordList,
            /**
             * Said first, before any question or service, when the situation can be happening now
             * (it leads with 999).
             */
            happeningNow: plainText(300)
              .refine((t) => t.includes('{phone:emergency-999}'), 'must say to call {phone:emergency-999}')
              .optional(),
            /** Other topics whose services also fit, shown after the topic's own. */
            related: z.array(z.enum(TOPICS)).default([]),
          })
          .strict(),
      )
      .min(2)
      .superRefine(uniqueIds),
    audiences: z
      .array(
        z
          .object({
            id: z.enum(AUDIENCES, {
              errorMap: () => ({ message: `must be one of the audiences: ${AUDIENCES.join(', ')}` }),
            }),
            label: plainText(60),
            keywords: keywordList,
          })
          .strict(),
      )
      .min(2)
      .superRefine(uniqueIds),
    alwaysOpen: z.array(slug).min(1, 'must list at least one service open all day and night'),
    source,
    reviewed: reviewedDate,
  })
  .strict();

export type SupportGuide = z.infer<typeof supportFileSchema>;
export type SupportTopic = SupportGuide['topics'][number];
export type SupportAudience = SupportGuide['audiences'][number];

export const supportFile = (knowledgeDir: string) => path.join(knowledgeDir, 'support.yaml');

export async function loadSupport(knowledgeDir: string): Promise<SupportGuide> {
  return loadYamlFile(supportFile(knowledgeDir), supportFileSchema);
}
