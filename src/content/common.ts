// Field shapes shared by every content file.
import { z } from 'zod';

export const slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens, like "victim-support"');

/** When an editor last checked an entry against its source (YYYY-MM-DD). */
export const reviewedDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written as YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(s)), 'is not a real date');

/** Where a fact came from: a web address or a named document. */
export const source = z.string().min(5, 'must say where this fact comes from (a web address or document)');

export const plainText = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
