// The words for "Did you mean ...?" (knowledge/clarify.yaml) and the button label of every route.
import path from 'node:path';
import { z } from 'zod';
import { plainText, reviewedDate, source } from '../content/common.js';
import { loadYamlFile } from '../content/loadYaml.js';

export const clarifySchema = z
  .object({
    source,
    reviewed: reviewedDate,
    question: plainText(200),
    labels: z
      .object({
        privacy: plainText(40),
        human: plainText(40),
        greeting: plainText(40),
        help: plainText(40),
        cancel: plainText(40),
        goodbye: plainText(40),
        out_of_scope: plainText(40),
      })
      .strict(),
  })
  .strict();

export type ClarifyText = z.infer<typeof clarifySchema>;

export function loadClarify(knowledgeDir: string): Promise<ClarifyText> {
  return loadYamlFile(path.join(knowledgeDir, 'clarify.yaml'), clarifySchema);
}
