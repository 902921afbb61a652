// The crisis reply (knowledge/safeguarding.yaml): words from editors, numbers from the services
// directory. Placeholders like {phone:samaritans} are checked against knowledge/services.yaml at
// start-up so a wrong id stops the start instead of reaching someone in danger.
import path from 'node:path';
import { z } from 'zod';
import { plainText, reviewedDate, source } from '../content/common.js';
import { ContentError } from '../content/contentError.js';
import { loadYamlFile } from '../content/loadYaml.js';
import type { ServiceDirectory } from '../content/services.js';
import type { CrisisKind } from './crisisRules.js';

const line = plainText(300);

export const safeguardingSchema = z
  .object({
    source,
    reviewed: reviewedDate,
    lead: z.array(line).min(1),
    next: z
      .object({
        'self-harm': z.array(line).min(1),
        abuse: z.array(line).min(1),
        danger: z.array(line).min(1),
      })
      .strict(),
    question: plainText(80),
    buttons: z.object({ safe: plainText(30), notSafe: plainText(30), back: plainText(30) }).strict(),
    replies: z
      .object({
        safe: line,
        notSafe: line,
        offerBack: line,
        resumed: line,
        nothingToResume: line,
      })
      .strict(),
  })
  .strict();

export type SafeguardingText = z.infer<typeof safeguardingSchema>;

const PLACEHOLDER = /\{(phone|text|textMessage|name|offers):([a-z0-9-]+)\}/g;

/** Replaces {field:service-id} with the value from the services directory. */
export function fillServices(template: string, services: ServiceDirectory): string {
  return template.replace(PLACEHOLDER, (_, field: string, id: string) => {
    const service = services.get(id);
    const value =
      field === 'phone'
        ? service.contact.phone
        : field === 'text'
          ? service.contact.text?.number
          : field === 'textMessage'
            ? service.contact.text?.message
            : field === 'name'
              ? service.name
              : service.offers;
    if (!value) throw new Error(`service "${id}" has no ${field}`);
    return value;
  });
}

/** Every sentence of the file, with where it sits, for checking. */
function allLines(text: SafeguardingText): [string, string][] {
  return [
    ...text.lead.map((l, i): [string, string] => [`lead.${i}`, l]),
    ...Object.entries(text.next).flatMap(([kind, lines]) =>
      lines.map((l, i): [string, string] => [`next.${kind}.${i}`, l]),
    ),
    ...Object.entries(text.replies).map(([k, l]): [string, string] => [`replies.${k}`, l]),
  ];
}

export class Safeguarding {
  constructor(
    readonly text: SafeguardingText,
    private readonly services: ServiceDirectory,
  ) {}

  /** The first reply to a crisis: 999 and how to call when you cannot speak, then the right next line. */
  firstReply(kind: CrisisKind): string[] {
    return [...this.text.lead, ...this.text.next[kind]].map((l) => fillServices(l, this.services));
  }

  reply(key: keyof SafeguardingText['replies']): string {
    return fillServices(this.text.replies[key], this.services);
  }
}

export async function loadSafeguarding(
  knowledgeDir: string,
  services: ServiceDirectory,
): Promise<Safeguarding> {
  const file = path.join(knowledgeDir, 'safeguarding.yaml');
  const text = await loadYamlFile(file, safeguardingSchema);
  const problems: string[] = [];
  for (const [where, l] of allLines(text)) {
    if (/\d{3}/.test(l.replace(PLACEHOLDER, '')))
      problems.push(`field "${where}": write numbers as {phone:service-id}, not digits`);
    try {
      fillServices(l, services);
    } catch (error) {
      problems.push(`field "${where}": ${(error as Error).message}`);
    }
  }
  if (!text.lead.some((l) => l.includes('{phone:emergency-999}')))
    problems.push('field "lead": must give 999 as {phone:emergency-999}');
  if (problems.length) throw new ContentError(file, problems);
  return new Safeguarding(text, services);
}
