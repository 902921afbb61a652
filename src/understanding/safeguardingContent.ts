// The crisis reply (knowledge/safeguarding.yaml, and each hazard's first steps after 999 from
// knowledge/safeguarding/): words from editors, numbers from the services directory. Placeholders
// like {phone:samaritans} are checked against knowledge/services.yaml at start-up so a wrong id
// stops the start instead of reaching someone in danger; a service marked unconfirmed is refused.
import path from 'node:path';
import { z } from 'zod';
import { plainText, reviewedDate, source } from '../content/common.js';
import { ContentError } from '../content/contentError.js';
import { loadYamlFile } from '../content/loadYaml.js';
import type { ServiceDirectory } from '../content/services.js';
import { loadCrisisContent, type CrisisContent, type HazardId } from './crisisContent.js';
import { CrisisMatcher } from './crisisMatcher.js';

const line = plainText(300);

export const safeguardingSchema = z
  .object({
    source,
    reviewed: reviewedDate,
    lead: z.array(line).min(1),
    /** The one short line that leads the normal reply when there may be danger (not a takeover). */
    possibleLine: line,
    question: plainText(80),
    buttons: z
      .object({ safe: plainText(30), notSafe: plainText(30), back: plainText(30), call: plainText(30) })
      .strict(),
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

const PLACEHOLDER = /\{(phone|text|textMessage|name|offers|web):([a-z0-9-]+)\}/g;

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
              : field === 'web'
                ? service.contact.web
                : service.offers;
    if (!value) throw new Error(`service "${id}" has no ${field}`);
    return value;
  });
}

/** Every sentence of the file, with where it sits, for checking. */
function allLines(text: SafeguardingText): [string, string][] {
  return [
    ...text.lead.map((l, i): [string, string] => [`lead.${i}`, l]),
    ['possibleLine', text.possibleLine],
    ['buttons.call', text.buttons.call],
    ...Object.entries(text.replies).map(([k, l]): [string, string] => [`replies.${k}`, l]),
  ];
}

export class Safeguarding {
  /** The matcher over knowledge/safeguarding/, for when no recogniser is there to decide. */
  readonly matcher: CrisisMatcher;

  constructor(
    readonly text: SafeguardingText,
    private readonly services: ServiceDirectory,
    readonly hazards: CrisisContent,
  ) {
    this.matcher = new CrisisMatcher(hazards);
  }

  /** The first reply to a crisis: 999 and how to call when you cannot speak, then the hazard's first steps. */
  firstReply(hazard: HazardId = 'general-danger'): string[] {
    const steps = this.hazards.hazards.find((h) => h.id === hazard)?.firstSteps ?? [];
    return [...this.text.lead, ...steps].map((l) => fillServices(l, this.services));
  }

  /** The short line that leads the normal reply when there may be danger. */
  possibleLine(): string {
    return fillServices(this.text.possibleLine, this.services);
  }

  /** The "Call 999" button's label and its tel: address. */
  callButton(): { title: string; url: string } {
    const phone = this.services.get('emergency-999').contact.phone ?? '999';
    return {
      title: fillServices(this.text.buttons.call, this.services),
      url: `tel:${phone.replace(/[^\d+]/g, '')}`,
    };
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
  const hazards = await loadCrisisContent(knowledgeDir);
  const problems: string[] = [];
  for (const hazard of hazards.hazards) {
    const hazardFile = path.join(knowledgeDir, 'safeguarding', `${hazard.id}.yaml`);
    const stepProblems = checkLines(
      hazard.firstSteps.map((l, i): [string, string] => [`firstSteps.${i}`, l]),
      services,
    );
    if (stepProblems.length) throw new ContentError(hazardFile, stepProblems);
  }
  problems.push(...checkLines(allLines(text), services));
  if (!text.lead.some((l) => l.includes('{phone:emergency-999}')))
    problems.push('field "lead": must give 999 as {phone:emergency-999}');
  if (!text.possibleLine.includes('{phone:emergency-999}'))
    problems.push('field "possibleLine": must give 999 as {phone:emergency-999}');
  if (problems.length) throw new ContentError(file, problems);
  return new Safeguarding(text, services, hazards);
}

/** Numbers only as placeholders, and every placeholder a shown service that has that detail. */
function checkLines(lines: [string, string][], services: ServiceDirectory): string[] {
  const problems: string[] = [];
  for (const [where, l] of lines) {
    if (/\d{3}/.test(l.replace(PLACEHOLDER, '')))
      problems.push(`field "${where}": write numbers as {phone:service-id}, not digits`);
    try {
      fillServices(l, services);
      for (const [, , id] of l.matchAll(PLACEHOLDER))
        if (services.get(id).unconfirmed)
          problems.push(`field "${where}": service "${id}" is unconfirmed, so not shown`);
    } catch (error) {
      problems.push(`field "${where}": ${(error as Error).message}`);
    }
  }
  return problems;
}
