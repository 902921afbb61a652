// The bot's everyday wording (knowledge/conversation.yaml), with {phone:ID} placeholders filled
// from the services directory at load time so that a broken reference stops the start.
import path from 'node:path';
import { z } from 'zod';
import { plainText, reviewedDate, source } from './common.js';
import { ContentError } from './contentError.js';
import { loadYamlFile } from './loadYaml.js';
import type { ServiceDirectory } from './services.js';

export const JOURNEY_ROUTES = [
  'bystander',
  'workshop',
  'volunteer',
  'report',
  'support',
  'themes',
  'privacy',
] as const;
export type JourneyRoute = (typeof JOURNEY_ROUTES)[number];

const paragraphs = z.array(plainText(400)).min(1);

export const conversationSchema = z
  .object({
    source,
    reviewed: reviewedDate,
    welcome: paragraphs,
    menuPrompt: plainText(200),
    journeys: z
      .array(z.object({ route: z.enum(JOURNEY_ROUTES), label: plainText(40) }).strict())
      .min(1)
      .refine(
        (js) => new Set(js.map((j) => j.route)).size === js.length,
        'each journey may appear only once',
      ),
    /** Microsoft Teams (professionals): its own welcome, and the journeys in this order first. */
    teams: z
      .object({ welcome: paragraphs, journeyOrder: z.array(z.enum(JOURNEY_ROUTES)).min(1) })
      .strict()
      .optional(),
    help: paragraphs,
    comingSoon: plainText(300),
    cancelled: plainText(200),
    goodbye: plainText(300),
    outOfScope: plainText(400),
    notUnderstood: plainText(200),
    error: plainText(300),
    feedback: z
      .object({
        question: plainText(100),
        yes: plainText(20),
        no: plainText(20),
        thanks: plainText(200),
        commentPrompt: plainText(300),
        skip: plainText(20),
        commentThanks: plainText(200),
      })
      .strict(),
  })
  .strict();

export type ConversationText = z.infer<typeof conversationSchema>;

const PLACEHOLDER = /\{phone:([a-z0-9-]+)\}/g;

/** Replaces {phone:ID} with the service's phone number; unknown ids become content errors. */
export function fillPlaceholders(
  text: string,
  services: ServiceDirectory,
  problems: string[],
  where: string,
): string {
  return text.replace(PLACEHOLDER, (whole, id: string) => {
    const phone = services.all.find((s) => s.id === id)?.contact.phone;
    if (!phone) {
      problems.push(`${where}: ${whole} names no service with a phone number in services.yaml`);
      return whole;
    }
    return phone;
  });
}

function fillAll<T>(value: T, services: ServiceDirectory, problems: string[], where: string): T {
  if (typeof value === 'string') return fillPlaceholders(value, services, problems, where) as T;
  if (Array.isArray(value)) return value.map((v, i) => fillAll(v, services, problems, `${where}[${i}]`)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, fillAll(v, services, problems, where ? `${where}.${k}` : k)]),
    ) as T;
  }
  return value;
}

export async function loadConversation(
  knowledgeDir: string,
  services: ServiceDirectory,
): Promise<ConversationText> {
  const file = path.join(knowledgeDir, 'conversation.yaml');
  const raw = await loadYamlFile(file, conversationSchema);
  const problems: string[] = [];
  const filled = fillAll(raw, services, problems, '');
  if (problems.length)
    throw new ContentError(
      file,
      problems.map((p) => `field ${p}`),
    );
  return filled;
}
