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

/** Describes each zod issue as "entry <id or number>, field <path>: <message>". */
export function describeZodIssues(error: ZodError, data: unknown, entryKey = 'id'): string[] {
  return error.issues.map((issue) => {
    const [first, ...rest] = issue.path;
    let where: string;
    if (typeof first === 'number' && Array.isArray(data)) {
      const entry = data[first] as Record<string, unknown> | undefined;
      const key = entry && typeof entry === 'object' ? entry[entryKey] : undefined;
      where = `entry ${typeof key === 'string' ? `"${key}"` : `#${first + 1}`}`;
      where += rest.length ? `, field "${rest.join('.')}"` : '';
    } else {
      where = issue.path.length ? `field "${issue.path.join('.')}"` : 'the file';
    }
    return `${where}: ${issue.message}`;
  });
}
