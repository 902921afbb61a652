// Builds the recogniser at start-up: loads the training files, then reads the trained model from
// the copy `npm run build` made (dist/model) or from the cache in DATA_DIR, or, when the content or
// the code has changed since either was made, trains it (about a second) and writes the cache.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { knowledgeDir as defaultKnowledgeDir, projectRoot } from '../paths.js';
import { NaturalRecogniser, trainModel, type TrainedModel } from './recogniser.js';
import { loadCrisisContent } from './crisisContent.js';
import { CrisisMatcher } from './crisisMatcher.js';
import { loadTrainingSet } from './trainingData.js';

export const defaultCacheFile = path.join(projectRoot, 'data', 'cache', 'understanding-model.json');

/** Trained by `npm run build` (scripts/trainModel.ts), so a first start need not train. */
export const builtModelFile = path.join(projectRoot, 'dist', 'model', 'understanding-model.json');

/** The code that shapes the model: a change to any of it retrains. */
const MODEL_CODE = ['normalise.js', 'features.js', 'softmax.js', 'recogniser.js', '../text/natural.js'];

export interface LoadedRecogniser {
  recogniser: NaturalRecogniser;
  fromCache: boolean;
  /** Time spent training (0 when read from the cache). */
  trainingMs: number;
  examples: number;
}

async function modelKey(contentHash: string): Promise<string> {
  const hash = createHash('sha256').update(contentHash);
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const file of MODEL_CODE) hash.update(await readFile(path.join(here, file)));
  return hash.digest('hex');
}

async function readCache(file: string, key: string): Promise<TrainedModel | undefined> {
  try {
    const model = JSON.parse(await readFile(file, 'utf8')) as TrainedModel;
    return model.key === key ? model : undefined;
  } catch {
    return undefined;
  }
}

export async function writeCache(file: string, model: TrainedModel): Promise<void> {
  try {
    await mkdir(path.dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify(model));
    await rename(temp, file);
  } catch (error) {
    console.warn(`Could not write the understanding cache: ${(error as Error).message}`);
  }
}

export async function loadRecogniser(
  options: { knowledgeDir?: string; cacheFile?: string | false; builtFile?: string | false } = {},
): Promise<LoadedRecogniser> {
  const knowledgeDir = options.knowledgeDir ?? defaultKnowledgeDir;
  const set = await loadTrainingSet(knowledgeDir);
  const crisisContent = await loadCrisisContent(knowledgeDir);
  const matcherFor = (model: TrainedModel) => new CrisisMatcher(crisisContent, model.vocabulary);
  const key = await modelKey(set.contentHash);
  const cacheFile = options.cacheFile === undefined ? defaultCacheFile : options.cacheFile;
  const builtFile = options.builtFile === undefined ? builtModelFile : options.builtFile;
  // Both copies carry the key of the content and code they were trained on; a stale one is ignored.
  const cached =
    (builtFile ? await readCache(builtFile, key) : undefined) ??
    (cacheFile ? await readCache(cacheFile, key) : undefined);
  if (cached)
    return {
      recogniser: new NaturalRecogniser(cached, matcherFor(cached)),
      fromCache: true,
      trainingMs: 0,
      examples: set.examples.length,
    };
  const started = performance.now();
  const model = trainModel(set, key);
  const trainingMs = performance.now() - started;
  if (cacheFile) await writeCache(cacheFile, model);
  return {
    recogniser: new NaturalRecogniser(model, matcherFor(model)),
    fromCache: false,
    trainingMs,
    examples: set.examples.length,
  };
}
