// A small multinomial logistic regression over sparse features, trained with AdaGrad. It gives
// probabilities that are comparable across routes, which the confidence threshold relies on.

export interface SoftmaxModel {
  labels: string[];
  features: string[];
  /** weights[label][feature], plus a bias per label. */
  weights: number[][];
  bias: number[];
}

export interface TrainOptions {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  seed?: number;
}

interface SparseVector {
  idx: number[];
  val: number[];
}

/** Letter groups count for less than whole words; every message has unit length. */
function featureWeight(feature: string): number {
  if (feature.startsWith('c:')) return 0.35;
  if (feature.startsWith('b:')) return 0.7;
  return 1;
}

function vectorise(feats: string[], index: Map<string, number>): SparseVector {
  const counts = new Map<number, number>();
  for (const f of feats) {
    const i = index.get(f);
    if (i === undefined) continue;
    counts.set(i, Math.max(counts.get(i) ?? 0, featureWeight(f)));
  }
  const idx = [...counts.keys()];
  const raw = idx.map((i) => counts.get(i) ?? 0);
  const norm = Math.sqrt(raw.reduce((s, v) => s + v * v, 0)) || 1;
  return { idx, val: raw.map((v) => v / norm) };
}

function softmax(scores: number[]): number[] {
  const max = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/** A deterministic shuffle so that the same content always trains the same model. */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export function trainSoftmax(
  samples: { features: string[]; label: string }[],
  options: TrainOptions = {},
): SoftmaxModel {
  const { epochs = 20, learningRate = 0.3, l2 = 1e-4, seed = 7 } = options;
  const labels = [...new Set(samples.map((s) => s.label))].sort();
  const featureSet = new Set<string>();
  for (const s of samples) for (const f of s.features) featureSet.add(f);
  const features = [...featureSet].sort();
  const index = new Map(features.map((f, i) => [f, i]));
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const data = samples.map((s) => ({ x: vectorise(s.features, index), y: labelIndex.get(s.label) ?? 0 }));

  const K = labels.length;
  const F = features.length;
  const w = Array.from({ length: K }, () => new Float64Array(F));
  const g2 = Array.from({ length: K }, () => new Float64Array(F).fill(1e-8));
  const bias = new Float64Array(K);
  const biasG2 = new Float64Array(K).fill(1e-8);

  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const { x, y } of shuffled(data, seed + epoch)) {
      const scores = Array.from({ length: K }, (_, k) => {
        let s = bias[k];
        for (let j = 0; j < x.idx.length; j++) s += w[k][x.idx[j]] * x.val[j];
        return s;
      });
      const p = softmax(scores);
      for (let k = 0; k < K; k++) {
        const err = p[k] - (k === y ? 1 : 0);
        for (let j = 0; j < x.idx.length; j++) {
          const i = x.idx[j];
          const grad = err * x.val[j] + l2 * w[k][i];
          g2[k][i] += grad * grad;
          w[k][i] -= (learningRate * grad) / Math.sqrt(g2[k][i]);
        }
        biasG2[k] += err * err;
        bias[k] -= (learningRate * 0.1 * err) / Math.sqrt(biasG2[k]);
      }
    }
  }
  const round = (v: number) => Math.round(v * 1e5) / 1e5;
  return {
    labels,
    features,
    weights: w.map((row) => Array.from(row, round)),
    bias: Array.from(bias, round),
  };
}

/** Scores a trained model quickly: builds the feature index once. */
export class SoftmaxScorer {
  private readonly index: Map<string, number>;

  constructor(readonly model: SoftmaxModel) {
    this.index = new Map(model.features.map((f, i) => [f, i]));
  }

  knows(feature: string): boolean {
    return this.index.has(feature);
  }

  /** Probability per label, in the order of model.labels. */
  probabilities(feats: string[]): number[] {
    const x = vectorise(feats, this.index);
    const scores = this.model.labels.map((_, k) => {
      let s = this.model.bias[k];
      const row = this.model.weights[k];
      for (let j = 0; j < x.idx.length; j++) s += row[x.idx[j]] * x.val[j];
      return s;
    });
    return softmax(scores);
  }
}
