// Part of `npm run build`: trains the understanding model on the knowledge folder as built, and
// keeps it in dist/model, so the service's first start reads it instead of training (about a
// second). Content edited after the build is still picked up: the service sees the model's key no
// longer matches and trains afresh at start, keeping that model in DATA_DIR/cache.
import { builtModelFile, loadRecogniser, writeCache } from '../src/understanding/loadRecogniser.js';

const loaded = await loadRecogniser({ cacheFile: false, builtFile: false });
await writeCache(builtModelFile, loaded.recogniser.model);
console.log(`Understanding model trained on ${loaded.examples} examples: ${builtModelFile}`);
