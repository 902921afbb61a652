// A content problem an editor can fix: which file, which entry, which field, and what is wrong.
import path from 'node:path';
import type { ZodError } from 'zod';
import { projectRoot } from '../paths.js';

export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`Content file ${path.relative(projectRoot, file)} is not valid:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ContentError';
  }
}

/**
 * Names the place of a problem as "entry <id or number>, field <path>". The entry is the outermost
 * list item on the path; when that list sits inside the file (like `routes`), its name comes first.
 */
export function describeLocation(path: readonly (string | number)[], data: unknown, entryKey = 'id'): string {
  let node: unknown = data;
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    if (typeof step === 'number' && Array.isArray(node)) {
      const entry = node[step] as Record<string, unknown> | undefined;
      const key = entry && typeof entry === 'object' ? entry[entryKey] : undefined;
      const list = path.slice(0, i).join('.');
      let where = `${list ? `${list} ` : ''}entry ${typeof key === 'string' ? `"${key}"` : `#${step + 1}`}`;
      const rest = path.slice(i + 1);
      where += rest.length ? `, field "${rest.join('.')}"` : '';
      return where;
    }
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[String(step)] : undefined;
  }
  return path.length ? `field "${path.join('.')}"` : 'the file';
}

/** Describes each zod issue as "entry <id or number>, field <path>: <message>". */
export function describeZodIssues(error: ZodError, data: unknown, entryKey = 'id'): string[] {
  return error.issues.map((issue) => `${describeLocation(issue.path, data, entryKey)}: ${issue.message}`);
}
