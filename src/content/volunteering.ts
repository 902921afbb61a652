// Volunteering roles (knowledge/volunteering.yaml): what each involves, time asked, who it suits.
import path from 'node:path';
import { z } from 'zod';
import { plainText, reviewedDate, slug, source } from './common.js';
import { loadYamlFile } from './loadYaml.js';

export const ROLE_FACT_FIELDS = ['involves', 'timeAsked', 'whoItSuits', 'minimumAge', 'where'] as const;
export type RoleFactField = (typeof ROLE_FACT_FIELDS)[number];

export const volunteerRoleSchema = z
  .object({
    id: slug,
    name: plainText(60),
    summary: plainText(140),
    involves: plainText(300),
    timeAsked: plainText(160),
    whoItSuits: plainText(200),
    minimumAge: z.number().int().min(5).max(99).optional(),
    where: plainText(160),
    scope: z.enum(['ward', 'borough']),
    web: z.string().url('must be a full web address starting https://').optional(),
    /** Facts not yet checked: the listed fields are not shown to residents. */
    unconfirmed: z
      .object({ fields: z.array(z.enum(ROLE_FACT_FIELDS)).min(1), note: plainText(300) })
      .strict()
      .optional(),
    source,
    reviewed: reviewedDate,
  })
  .strict();

export type VolunteerRole = z.infer<typeof volunteerRoleSchema>;

export const volunteeringFileSchema = z
  .array(volunteerRoleSchema)
  .min(1)
  .superRefine((roles, ctx) => {
    const seen = new Set<string>();
    roles.forEach((r, i) => {
      if (seen.has(r.id))
        ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `"${r.id}" is used twice` });
      seen.add(r.id);
    });
  });

export class VolunteerRoles {
  private readonly byId: Map<string, VolunteerRole>;

  constructor(readonly all: readonly VolunteerRole[]) {
    this.byId = new Map(all.map((r) => [r.id, r]));
  }

  get(id: string): VolunteerRole | undefined {
    return this.byId.get(id);
  }

  /** Roles open to someone in a ward: those run in every ward plus the borough-wide ones. */
  forWard(): VolunteerRole[] {
    return [...this.all];
  }

  /** Whether a fact may be shown to residents (it is not flagged unconfirmed). */
  static isConfirmed(role: VolunteerRole, field: RoleFactField): boolean {
    return !role.unconfirmed?.fields.includes(field);
  }
}

export async function loadVolunteering(knowledgeDir: string): Promise<VolunteerRoles> {
  return new VolunteerRoles(
    await loadYamlFile(path.join(knowledgeDir, 'volunteering.yaml'), volunteeringFileSchema),
  );
}
