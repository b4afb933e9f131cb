import { seededRandom, shuffled } from './seededRandom.ts';
import { softmaxInPlace } from './softmaxRegression.ts';
import type { SparseVector } from './vectorizer.ts';

/**
 * A one-hidden-layer network over sparse tf-idf vectors: each feature has an embedding row of
 * `hidden` floats, a message is the weighted sum of its rows plus a bias, through a ReLU, then
 * a linear layer to the classes. It sees the same features as the logistic regression but can
 * combine them, so the two disagree usefully and their average beats either.
 */
export type SparseMlp = {
  classes: number;
  features: number;
  hidden: number;
  /** features × hidden */
  embed: Float32Array;
  hiddenBias: Float32Array;
  /** hidden × classes */
  out: Float32Array;
  outBias: Float32Array;
};

const GRADIENT_FLOOR = 1e-3;

export type MlpTraining = {
  hidden: number;
  epochs: number;
  learningRate: number;
  seed: number;
  /** features in fewer training examples than this keep a zero row: one example is too few to place a feature */
  minDf: number;
};
export const defaultMlpTraining: MlpTraining = { hidden: 32, epochs: 6, learningRate: 0.05, seed: 13, minDf: 2 };

/** Hidden activations of the first `length` entries of a sparse vector (after the ReLU), into `h`. */
function hiddenOf(model: SparseMlp, index: Int32Array, value: Float32Array, length: number, h: Float64Array): Float64Array {
  const { hidden: H, embed, hiddenBias } = model;
  for (let j = 0; j < H; j++) h[j] = hiddenBias[j]!;
  for (let k = 0; k < length; k++) {
    const row = index[k]! * H;
    const v = value[k]!;
    for (let j = 0; j < H; j++) h[j] = h[j]! + embed[row + j]! * v;
  }
  for (let j = 0; j < H; j++) if (h[j]! < 0) h[j] = 0;
  return h;
}

/** Class scores (logits) of a sparse vector; `h` is scratch of `hidden` floats. */
export function mlpScoresOf(model: SparseMlp, index: Int32Array, value: Float32Array, length: number, h: Float64Array, out: Float64Array): Float64Array {
  hiddenOf(model, index, value, length, h);
  const { hidden: H, classes: C, out: W, outBias } = model;
  for (let c = 0; c < C; c++) out[c] = outBias[c]!;
  for (let j = 0; j < H; j++) {
    const a = h[j]!;
    if (a === 0) continue;
    const row = j * C;
    for (let c = 0; c < C; c++) out[c] = out[c]! + W[row + c]! * a;
  }
  return out;
}

/** Softmax cross-entropy by AdaGrad (one accumulator per embedding row), seeded init and order. */
export function trainSparseMlp(xs: readonly SparseVector[], ys: Int32Array, classes: number, features: number, options: MlpTraining = defaultMlpTraining): SparseMlp {
  const { hidden: H, learningRate: lr } = options;
  const C = classes;
  const random = seededRandom(options.seed);
  const df = new Int32Array(features);
  for (const x of xs) for (const f of x.index) df[f] = df[f]! + 1;
  const embedScale = Math.sqrt(6 / (H + 50));
  const outScale = Math.sqrt(6 / (H + C));
  const embed = new Float32Array(features * H);
  for (let f = 0; f < features; f++) if (df[f]! >= options.minDf) for (let j = 0; j < H; j++) embed[f * H + j] = (random() * 2 - 1) * embedScale;
  const model: SparseMlp = {
    classes, features, hidden: H,
    embed,
    hiddenBias: new Float32Array(H),
    out: Float32Array.from({ length: H * C }, () => (random() * 2 - 1) * outScale),
    outBias: new Float32Array(C),
  };
  const { hiddenBias, out: W, outBias } = model;
  const embedSquared = new Float64Array(features);
  const outSquared = new Float64Array(H * C);
  const hiddenBiasSquared = new Float64Array(H);
  const outBiasSquared = new Float64Array(C);
  const h = new Float64Array(H);
  const o = new Float64Array(C);
  const dh = new Float64Array(H);
  const touched = new Int32Array(C);
  const order = xs.map((_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const i of shuffled(order, random)) {
      const x = xs[i] as SparseVector;
      const n = x.index.length;
      mlpScoresOf(model, x.index, x.value, n, h, o);
      softmaxInPlace(o);
      o[ys[i]!] = o[ys[i]!]! - 1; // gradient of the loss by the logits
      // classes whose gradient is negligible are skipped, as in the regression: after a few
      // epochs most classes are settled for most examples, which makes an epoch several times cheaper
      let active = 0;
      for (let c = 0; c < C; c++) if (Math.abs(o[c]!) >= GRADIENT_FLOOR) touched[active++] = c;
      for (let j = 0; j < H; j++) {
        const a = h[j]!;
        if (a === 0) { dh[j] = 0; continue; }
        const row = j * C;
        let d = 0;
        for (let t = 0; t < active; t++) {
          const c = touched[t]!;
          const g = o[c]!;
          d += g * W[row + c]!;
          const gw = g * a;
          const s = outSquared[row + c]! + gw * gw;
          outSquared[row + c] = s;
          W[row + c] = W[row + c]! - (lr * gw) / Math.sqrt(s + 1e-8);
        }
        dh[j] = d;
      }
      for (let t = 0; t < active; t++) {
        const c = touched[t]!;
        const g = o[c]!;
        outBiasSquared[c] = outBiasSquared[c]! + g * g;
        outBias[c] = outBias[c]! - (lr * g) / Math.sqrt(outBiasSquared[c]! + 1e-8);
      }
      let g2 = 0;
      for (let j = 0; j < H; j++) {
        const g = dh[j]!;
        g2 += g * g;
        hiddenBiasSquared[j] = hiddenBiasSquared[j]! + g * g;
        hiddenBias[j] = hiddenBias[j]! - (lr * g) / Math.sqrt(hiddenBiasSquared[j]! + 1e-8);
      }
      g2 /= H;
      for (let k = 0; k < n; k++) {
        const f = x.index[k]!;
        if (df[f]! < options.minDf) continue;
        const v = x.value[k]!;
        const row = f * H;
        embedSquared[f] = embedSquared[f]! + g2 * v * v;
        const rate = (lr * v) / Math.sqrt(embedSquared[f]! + 1e-8);
        for (let j = 0; j < H; j++) embed[row + j] = embed[row + j]! - rate * dh[j]!;
      }
    }
  }
  return model;
}
