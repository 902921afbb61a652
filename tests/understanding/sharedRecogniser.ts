// One trained recogniser shared by the understanding tests (training takes a second or two).
import { loadRecogniser, type LoadedRecogniser } from '../../src/understanding/loadRecogniser.js';

let loaded: Promise<LoadedRecogniser> | undefined;

/** Trains from knowledge/ without touching the cache, so tests always see the current content. */
export function sharedRecogniser(): Promise<LoadedRecogniser> {
  loaded ??= loadRecogniser({ cacheFile: false });
  return loaded;
}
