// Looking through what the service wrote to its data folder, for tests of what it keeps.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** Every file below `dir`. */
export async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** The files below `dir` whose text contains `needle` (a string, or a pattern). */
export async function filesContaining(dir: string, needle: string | RegExp): Promise<string[]> {
  const hits: string[] = [];
  for (const file of await allFiles(dir)) {
    const text = await readFile(file, 'utf8');
    if (typeof needle === 'string' ? text.includes(needle) : needle.test(text)) hits.push(file);
  }
  return hits;
}
