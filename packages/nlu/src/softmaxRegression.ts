import { seededRandom, shuffled } from './seededRandom.ts';
import type { SparseVector } from './vectorizer.ts';

/** Multinomial logistic regression weights: one row of `classes` floats per feature. */
export type LinearWeights = { classes: number; features: number; weights: Float32Array; bias: Float32Array };

export type SoftmaxTraining = {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** per-example weights (e.g. to balance classes); 1 when absent */
  exampleWeights?: Float32Array;
};

export const defaultSoftmaxTraining: SoftmaxTraining = { epochs: 8, learningRate: 0.1, l2: 1e-6, seed: 7 };

// Gradients smaller than this are skipped: after a few epochs most classes are settled for
// most examples, which makes an epoch several times cheaper.
const GRADIENT_FLOOR = 1e-3;

/** Raw class scores (logits) of one vector. */
export function linearScores(model: LinearWeights, x: SparseVector, out = new Float64Array(model.classes)): Float64Array {
  return linearScoresOf(model, x.index, x.value, x.index.length, out);
}

/** Raw class scores of the first `length` entries of a sparse vector, into `out`. */
export function linearScoresOf(model: LinearWeights, index: Int32Array, value: Float32Array, length: number, out: Float64Array): Float64Array {
  const { classes, weights, bias } = model;
  for (let c = 0; c < classes; c++) out[c] = bias[c]!;
  // four classes per step: the same sums in the same order, a third less loop overhead
  const unrolled = classes & ~3;
  for (let k = 0; k < length; k++) {
    const row = index[k]! * classes;
    const v = value[k]!;
    let c = 0;
    for (; c < unrolled; c += 4) {
      out[c] = out[c]! + weights[row + c]! * v;
      out[c + 1] = out[c + 1]! + weights[row + c + 1]! * v;
      out[c + 2] = out[c + 2]! + weights[row + c + 2]! * v;
      out[c + 3] = out[c + 3]! + weights[row + c + 3]! * v;
    }
    for (; c < classes; c++) out[c] = out[c]! + weights[row + c]! * v;
  }
  return out;
}

/** Softmax of logits / temperature, in place. */
export function softmaxInPlace(scores: Float64Array, temperature = 1): Float64Array {
  let max = -Infinity;
  for (const s of scores) if (s > max) max = s;
  let sum = 0;
  for (let c = 0; c < scores.length; c++) {
    const e = Math.exp(((scores[c] ?? 0) - max) / temperature);
    scores[c] = e;
    sum += e;
  }
  for (let c = 0; c < scores.length; c++) scores[c] = (scores[c] ?? 0) / sum;
  return scores;
}

/** Row-wise AdaGrad over sparse rows, deterministic for a given seed and example order. */
export function trainSoftmax(xs: readonly SparseVector[], ys: Int32Array, classes: number, features: number, options: SoftmaxTraining = defaultSoftmaxTraining): LinearWeights {
  const model: LinearWeights = { classes, features, weights: new Float32Array(features * classes), bias: new Float32Array(classes) };
  const { weights, bias } = model;
  const rowSquared = new Float64Array(features);
  const biasSquared = new Float32Array(classes);
  const random = seededRandom(options.seed);
  const order = xs.map((_, i) => i);
  const scores = new Float64Array(classes);
  const gradient = new Float64Array(classes);
  const touched = new Int32Array(classes);
  const { learningRate, l2 } = options;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const i of shuffled(order, random)) {
      const x = xs[i] as SparseVector;
      const y = ys[i] ?? 0;
      const weight = options.exampleWeights?.[i] ?? 1;
      softmaxInPlace(linearScores(model, x, scores));
      for (let c = 0; c < classes; c++) gradient[c] = ((scores[c] ?? 0) - (c === y ? 1 : 0)) * weight;
      for (let c = 0; c < classes; c++) {
        const g = gradient[c] ?? 0;
        if (Math.abs(g) < GRADIENT_FLOOR) continue;
        biasSquared[c] = (biasSquared[c] ?? 0) + g * g;
        bias[c] = (bias[c] ?? 0) - (learningRate * g) / Math.sqrt((biasSquared[c] ?? 0) + 1e-8);
      }
      let active = 0;
      for (let c = 0; c < classes; c++) if (Math.abs(gradient[c]!) >= GRADIENT_FLOOR) touched[active++] = c;
      // one AdaGrad accumulator per feature row: a fraction of the memory traffic, one sqrt per row
      let g2 = 0;
      for (let a = 0; a < active; a++) g2 += gradient[touched[a]!]! ** 2;
      for (let k = 0; k < x.index.length; k++) {
        const f = x.index[k]!;
        const row = f * classes;
        const v = x.value[k]!;
        const s = rowSquared[f]! + g2 * v * v / Math.max(1, active);
        rowSquared[f] = s;
        const rate = learningRate / Math.sqrt(s + 1e-8);
        for (let a = 0; a < active; a++) {
          const c = touched[a]!;
          const at = row + c;
          const w = weights[at]!;
          weights[at] = w - rate * (gradient[c]! * v + l2 * w);
        }
      }
    }
  }
  return model;
}
