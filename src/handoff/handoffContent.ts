// What the bot says about talking to a person, the desk's opening hours and the phone line offered
// for each journey when nobody can chat (knowledge/handoff.yaml), checked at start.
import path from 'node:path';
import { z } from 'zod';
import { plainText, reviewedDate, source } from '../content/common.js';
import { ContentError } from '../content/contentError.js';
import { loadYamlFile } from '../content/loadYaml.js';
import type { ServiceDirectory } from '../content/services.js';
import { template } from '../content/templates.js';

export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour London time such as 09:00');
const openingSchema = z
  .object({ open: clock, close: clock })
  .strict()
  .refine((h) => h.open < h.close, { message: 'close must be later than open', path: ['close'] });

const text = plainText(400);
const serviceId = z.string().regex(/^[a-z0-9-]+$/, 'must be a service id from services.yaml');

export const handoffContentSchema = z
  .object({
    source,
    reviewed: reviewedDate,
    hours: z.object(Object.fromEntries(WEEKDAYS.map((d) => [d, openingSchema.optional()]))).strict(),
    hoursText: plainText(200),
    phoneLines: z
      .object({
        default: serviceId,
        bystander: serviceId.optional(),
        workshop: serviceId.optional(),
        volunteer: serviceId.optional(),
        report: serviceId.optional(),
        support: serviceId.optional(),
        themes: serviceId.optional(),
        privacy: serviceId.optional(),
      })
      .strict(),
    resident: z
      .object({
        consent: text,
        yes: plainText(40),
        no: plainText(40),
        declined: text,
        noDesk: text,
        waiting: text,
        stillWaiting: text,
        back: plainText(40),
        accepted: template(['name', 'team']),
        end: plainText(40),
        endedByResident: text,
        endedByStaff: text,
        cancelled: text,
        nobodyFree: text,
        outOfHours: template(['hours']),
        phoneLine: template(['service', 'phone']),
        staffPrefix: template(['name'], { max: 60 }),
        offer: text,
        callbackOffer: text,
        callbackButton: plainText(40),
        callbackConsent: template(['days']),
        callbackMessage: text,
        callbackSaved: template(['ref']),
        callbackDeclined: text,
      })
      .strict(),
    desk: z
      .object({
        title: text,
        channel: plainText(60),
        source: plainText(60),
        journey: plainText(60),
        question: plainText(60),
        noQuestion: plainText(60),
        waiting: template(['time']),
        accept: plainText(40),
        acceptedBy: template(['name', 'team']),
        alreadyTaken: text,
        notYourChat: text,
        residentSays: template(['text'], { max: 60 }),
        residentEnded: text,
        staffEnded: text,
        cancelled: text,
        timedOut: template(['minutes']),
        callbackTitle: template(['ref']),
        callbackClosed: template(['ref']),
        callbackNotFound: text,
        crisis: text,
        deskSet: text,
        notAllowed: text,
        nameSet: template(['name', 'team']),
        nameNeeded: text,
        channels: z.record(z.string().regex(/^[a-z0-9-]+$/), plainText(60)),
      })
      .strict(),
  })
  .strict();

export type HandoffContent = z.infer<typeof handoffContentSchema>;
export type PhoneLineKey = keyof HandoffContent['phoneLines'];

/** Loads knowledge/handoff.yaml; every phone line must be a confirmed service with a phone number. */
export async function loadHandoffContent(
  knowledgeDir: string,
  services: ServiceDirectory,
): Promise<HandoffContent> {
  const file = path.join(knowledgeDir, 'handoff.yaml');
  const content = await loadYamlFile(file, handoffContentSchema);
  const problems: string[] = [];
  for (const [key, id] of Object.entries(content.phoneLines)) {
    const service = services.all.find((s) => s.id === id);
    if (!service) problems.push(`field "phoneLines.${key}": "${id}" is not a service id in services.yaml`);
    else if (service.unconfirmed || !service.contact.phone)
      problems.push(`field "phoneLines.${key}": "${id}" is unconfirmed or has no phone number`);
  }
  if (problems.length) throw new ContentError(file, problems);
  return content;
}
