// The accessibility statement (knowledge/accessibilityStatement.yaml) and the terms of use
// (knowledge/terms.yaml), served as pages at /accessibility and /terms. Both are headed sections of
// plain paragraphs (which may name the page's dates), with links written as { text, href } so every address is checked here.
import path from 'node:path';
import { z } from 'zod';
import { plainText, reviewedDate, source } from './common.js';
import { loadYamlFile } from './loadYaml.js';
import { template } from './templates.js';

/** A paragraph may name the page's dates: {prepared} and {reviewed}, written out in words. */
export const DATE_PLACEHOLDERS = ['prepared', 'reviewed'] as const;
const paragraphs = z.array(template(DATE_PLACEHOLDERS, { optional: DATE_PLACEHOLDERS, max: 700 }));

const link = z
  .object({
    text: plainText(120),
    href: z.string().regex(/^(https:\/\/[^\s"<>]+|\/[a-z0-9/#-]*|mailto:[^\s"<>@]+@[^\s"<>]+)$/, {
      message: 'must be an https:// address, a page of this service such as /privacy, or mailto:',
    }),
  })
  .strict();

const section = z
  .object({
    heading: plainText(120),
    paragraphs: paragraphs.min(1),
    bullets: paragraphs.optional(),
    after: paragraphs.optional(),
    links: z.array(link).optional(),
  })
  .strict();
export type InfoSection = z.infer<typeof section>;

export const infoPageSchema = z
  .object({
    source,
    reviewed: reviewedDate,
    /** When the page was first written; the accessibility statement must say. */
    prepared: reviewedDate.optional(),
    title: plainText(120),
    sections: z.array(section).min(1),
  })
  .strict();
export type InfoPageText = z.infer<typeof infoPageSchema>;

/** The statement also says when it was prepared (the GOV.UK model asks for it). */
export const accessibilityStatementSchema = infoPageSchema.extend({ prepared: reviewedDate }).strict();
export type AccessibilityStatement = z.infer<typeof accessibilityStatementSchema>;

export function loadAccessibilityStatement(knowledgeDir: string): Promise<AccessibilityStatement> {
  return loadYamlFile(
    path.join(knowledgeDir, 'accessibilityStatement.yaml'),
    accessibilityStatementSchema,
    'heading',
  );
}

export function loadTerms(knowledgeDir: string): Promise<InfoPageText> {
  return loadYamlFile(path.join(knowledgeDir, 'terms.yaml'), infoPageSchema, 'heading');
}
