// Kingston's wards and the place names people use for them (knowledge/wards.yaml).
import path from 'node:path';
import { z } from 'zod';
import { plainText, reviewedDate, slug, source } from './common.js';
import { loadYamlFile } from './loadYaml.js';

export const wardSchema = z
  .object({
    id: slug,
    name: plainText(60),
    aliases: z.array(plainText(60)).default([]),
    /** Set while the name is not checked: editors confirm it, then remove this line. */
    unconfirmed: plainText(300).optional(),
    source,
    reviewed: reviewedDate,
  })
  .strict();

export const placeSchema = z
  .object({ name: plainText(60), wards: z.array(slug).min(1), source, reviewed: reviewedDate })
  .strict();

export const wardsFileSchema = z
  .object({ wards: z.array(wardSchema).min(1), places: z.array(placeSchema).default([]) })
  .strict()
  .superRefine((file, ctx) => {
    const ids = new Set<string>();
    file.wards.forEach((w, i) => {
      if (ids.has(w.id))
        ctx.addIssue({ code: 'custom', path: ['wards', i, 'id'], message: `"${w.id}" is used twice` });
      ids.add(w.id);
    });
    file.places.forEach((p, i) =>
      p.wards.forEach((id, j) => {
        if (!ids.has(id))
          ctx.addIssue({
            code: 'custom',
            path: ['places', i, 'wards', j],
            message: `no ward has id "${id}"`,
          });
      }),
    );
  });

export type Ward = z.infer<typeof wardSchema>;
export type Place = z.infer<typeof placeSchema>;

export class WardList {
  private readonly byId: Map<string, Ward>;

  constructor(
    readonly all: readonly Ward[],
    readonly places: readonly Place[],
  ) {
    this.byId = new Map(all.map((w) => [w.id, w]));
  }

  get(id: string): Ward | undefined {
    return this.byId.get(id);
  }
}

export async function loadWards(knowledgeDir: string): Promise<WardList> {
  const file = await loadYamlFile(path.join(knowledgeDir, 'wards.yaml'), wardsFileSchema, 'id');
  return new WardList(file.wards, file.places);
}
