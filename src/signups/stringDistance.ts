// natural's edit distance, loaded from its own module: natural's index loads every storage
// back end, and those call dotenv, which writes banner lines to stdout (and would break the
// one-JSON-line output of the benchmarks). The distance module alone has no such side effects.
import { createRequire } from 'node:module';

interface DistanceModule {
  DamerauLevenshteinDistance(
    source: string,
    target: string,
    options?: { transposition_cost?: number },
  ): number;
}

const load = createRequire(import.meta.url);
const distance = load('natural/lib/natural/distance/levenshtein_distance.js') as DistanceModule;

/** Edits (insert, delete, substitute, swap two neighbours) to turn one string into the other. */
export function editDistance(a: string, b: string): number {
  return distance.DamerauLevenshteinDistance(a, b, { transposition_cost: 1 });
}
