// Reads one YAML content file and parses it with its zod schema, or throws a ContentError that
// names the file, the entry and the field.
import { readFile } from 'node:fs/promises';
import { parseYaml } from './yamlText.js';
import type { ZodType, ZodTypeDef } from 'zod';
import { ContentError, describeZodIssues } from './contentError.js';

export async function loadYamlFile<T>(
  file: string,
  schema: ZodType<T, ZodTypeDef, unknown>,
  entryKey = 'id',
): Promise<T> {
  let data: unknown;
  try {
    data = parseYaml(await readFile(file, 'utf8'));
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    throw new ContentError(file, [`it could not be read as YAML: ${reason}`]);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new ContentError(file, describeZodIssues(parsed.error, data, entryKey));
  return parsed.data;
}
