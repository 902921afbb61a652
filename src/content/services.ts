// The services directory (knowledge/services.yaml): every phone number, text line and web address
// the bot gives out. Code refers to services by id and never holds a number itself.
import path from 'node:path';
import { z } from 'zod';
import { plainText, reviewedDate, slug, source } from './common.js';
import { loadYamlFile } from './loadYaml.js';

export const TOPICS = [
  'emergency',
  'reporting',
  'anonymous-reporting',
  'domestic-abuse',
  'sexual-violence',
  'hate-crime',
  'victims',
  'mental-health',
  'self-harm',
  'substance-misuse',
  'housing',
  'exploitation',
  'young-people',
  'fraud',
  'antisocial-behaviour',
  'stalking',
  'missing-people',
  'terrorism',
  'gas-and-carbon-monoxide',
  'health',
] as const;

export const AUDIENCES = [
  'everyone',
  'women',
  'men',
  'lgbt',
  'young-people',
  'children',
  'older-people',
  'deaf-or-speech-impaired',
  'professionals',
] as const;

const phoneNumber = z
  .string()
  .regex(/^[0-9 ]{3,16}$/, 'must be digits and spaces only, like "0808 2000 247"');

export const serviceSchema = z
  .object({
    id: slug,
    name: plainText(80),
    offers: plainText(300),
    whoFor: plainText(200),
    audiences: z.array(z.enum(AUDIENCES)).min(1),
    topics: z.array(z.enum(TOPICS)).min(1),
    contact: z
      .object({
        phone: phoneNumber.optional(),
        text: z
          .object({ number: phoneNumber, message: plainText(40).optional() })
          .strict()
          .optional(),
        web: z.string().url('must be a full web address starting https://').optional(),
        walkIn: plainText(200).optional(),
      })
      .strict()
      .refine((c) => c.phone || c.text || c.web || c.walkIn, 'must give at least one way to get in touch'),
    hours: plainText(120),
    alwaysOpen: z.boolean(),
    free: z.boolean().optional(),
    /** Set when a fact is not confirmed: the entry is then kept back from residents. */
    unconfirmed: plainText(300).optional(),
    source,
    reviewed: reviewedDate,
  })
  .strict();

export type Service = z.infer<typeof serviceSchema>;
export type Topic = (typeof TOPICS)[number];
export type Audience = (typeof AUDIENCES)[number];

export const servicesFileSchema = z
  .array(serviceSchema)
  .min(1)
  .superRefine((services, ctx) => {
    const seen = new Set<string>();
    services.forEach((s, i) => {
      if (seen.has(s.id))
        ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `"${s.id}" is used twice` });
      seen.add(s.id);
    });
  });

export class ServiceDirectory {
  private readonly byId: Map<string, Service>;

  constructor(readonly all: readonly Service[]) {
    this.byId = new Map(all.map((s) => [s.id, s]));
  }

  /** A service the code relies on by id; a missing one is a content error caught at start-up. */
  get(id: string): Service {
    const service = this.byId.get(id);
    if (!service) throw new Error(`knowledge/services.yaml has no service with id "${id}"`);
    return service;
  }

  /** Services safe to show residents: anything flagged unconfirmed is held back. */
  confirmed(): Service[] {
    return this.all.filter((s) => !s.unconfirmed);
  }
}

export async function loadServices(knowledgeDir: string): Promise<ServiceDirectory> {
  return new ServiceDirectory(
    await loadYamlFile(path.join(knowledgeDir, 'services.yaml'), servicesFileSchema),
  );
}
