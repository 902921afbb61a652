// What the staff dashboard calls channels, funnel steps and a missing ward
// (knowledge/staffDashboard.yaml).
import path from 'node:path';
import { z } from 'zod';
import { plainText } from './common.js';
import { loadYamlFile } from './loadYaml.js';

const id = z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/, 'must be an id: letters, digits, dots and hyphens');

export const staffDashboardSchema = z
  .object({
    channels: z.record(id, plainText(60)),
    wardNotKnown: plainText(60),
    steps: z.record(id, plainText(80)),
  })
  .strict();

export type StaffDashboardText = z.infer<typeof staffDashboardSchema>;

export function loadStaffDashboard(knowledgeDir: string): Promise<StaffDashboardText> {
  return loadYamlFile(path.join(knowledgeDir, 'staffDashboard.yaml'), staffDashboardSchema);
}
