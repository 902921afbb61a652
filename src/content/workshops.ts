// Hate crime workshop sessions (knowledge/workshops.yaml): what can be booked, when and where.
import path from 'node:path';
import { z } from 'zod';
import { plainText, reviewedDate, slug, source } from './common.js';
import { loadYamlFile } from './loadYaml.js';
import { LOCAL_DATE_TIME, londonToInstant } from './londonTime.js';

export const WORKSHOP_AUDIENCES = ['community', 'partners'] as const;
export const WORKSHOP_FORMATS = ['in-person', 'online'] as const;

const londonDateTime = z
  .string()
  .regex(LOCAL_DATE_TIME, 'must be a London time written as YYYY-MM-DDTHH:MM, like "2027-01-14T10:00"')
  .transform((s, ctx) => {
    const instant = londonToInstant(s);
    if (!instant) {
      ctx.addIssue({ code: 'custom', message: `"${s}" is not a real date and time` });
      return z.NEVER;
    }
    return instant;
  });

export const workshopSessionSchema = z
  .object({
    id: slug,
    title: plainText(90),
    audience: z.enum(WORKSHOP_AUDIENCES),
    format: z.enum(WORKSHOP_FORMATS),
    venue: z.object({ name: plainText(80), address: plainText(160).optional() }).strict(),
    start: londonDateTime,
    end: londonDateTime,
    capacity: z.number().int().min(1).max(1000),
    maxSeatsPerBooking: z.number().int().min(1).max(20),
    /** Places the waiting list can hold; left out, as many as the session has (capacity). */
    waitingList: z.number().int().min(0).max(10_000).optional(),
    covers: z.array(plainText(160)).min(1).max(6),
    source,
    reviewed: reviewedDate,
  })
  .strict()
  .superRefine((s, ctx) => {
    if (s.end.getTime() <= s.start.getTime())
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'must be after start' });
    if (s.maxSeatsPerBooking > s.capacity)
      ctx.addIssue({
        code: 'custom',
        path: ['maxSeatsPerBooking'],
        message: 'must not be more than capacity',
      });
  });

export type WorkshopSession = z.infer<typeof workshopSessionSchema>;

/** How many places the session's waiting list holds. */
export function waitingListPlaces(session: WorkshopSession): number {
  return session.waitingList ?? session.capacity;
}
export type WorkshopAudience = (typeof WORKSHOP_AUDIENCES)[number];
export type WorkshopFormat = (typeof WORKSHOP_FORMATS)[number];

export const workshopsFileSchema = z.array(workshopSessionSchema).superRefine((sessions, ctx) => {
  const seen = new Set<string>();
  sessions.forEach((s, i) => {
    if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `"${s.id}" is used twice` });
    seen.add(s.id);
  });
});

export class WorkshopCatalogue {
  private readonly byId: Map<string, WorkshopSession>;

  constructor(readonly all: readonly WorkshopSession[]) {
    this.byId = new Map(all.map((s) => [s.id, s]));
  }

  get(id: string): WorkshopSession | undefined {
    return this.byId.get(id);
  }

  /** Sessions that have not started yet, soonest first. */
  upcoming(now: Date): WorkshopSession[] {
    return this.all
      .filter((s) => s.start.getTime() > now.getTime())
      .sort((a, b) => a.start.getTime() - b.start.getTime());
  }
}

export async function loadWorkshops(knowledgeDir: string): Promise<WorkshopCatalogue> {
  return new WorkshopCatalogue(
    await loadYamlFile(path.join(knowledgeDir, 'workshops.yaml'), workshopsFileSchema),
  );
}
