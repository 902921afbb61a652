// What the crisis check alone costs on the worst messages, measured in this process. The check is
// being replaced on another branch, so it is found by name at run time and reported as
// unavailable if it has moved, rather than tying this bench to its code.
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { projectRoot } from '../../src/paths.js';

type TextCheck = (text: string) => unknown;

async function find(file: string, name: string): Promise<TextCheck | undefined> {
  try {
    const url = pathToFileURL(path.join(projectRoot, 'dist/src/understanding', file)).href;
    const found = ((await import(url)) as Record<string, unknown>)[name];
    return typeof found === 'function' ? (found as TextCheck) : undefined;
  } catch {
    return undefined;
  }
}

/** Median milliseconds of normalise + crisis rules for new messages of each kind. */
export async function crisisCheckMs(
  messages: Record<string, () => string>,
  tries = 5,
): Promise<Record<string, number> | 'unavailable'> {
  const normalise = await find('normalise.js', 'normalise');
  const detect = await find('crisisRules.js', 'detectCrisis');
  if (!normalise || !detect) return 'unavailable';
  const out: Record<string, number> = {};
  for (const [kind, make] of Object.entries(messages)) {
    const times: number[] = [];
    for (let i = 0; i < tries; i++) {
      const text = make();
      const began = performance.now();
      detect(normalise(text) as string);
      times.push(performance.now() - began);
    }
    out[kind] = Math.round(times.sort((a, b) => a - b)[Math.floor(tries / 2)] * 100) / 100;
  }
  return out;
}
