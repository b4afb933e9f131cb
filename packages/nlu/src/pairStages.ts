import { boostedMargin, trainBoostedTrees, type BoostedTrees, type BoostingOptions } from './gradientBoosting.ts';
import { seededRandom, shuffled } from './seededRandom.ts';

/**
 * The two learned stages of the pair scorer, fitted on any subset of encoded pairs (so the
 * decision threshold can be chosen on out-of-fold predictions without re-encoding the pairs):
 * boosted trees over the dense similarities, then a logistic regression over the same numbers,
 * ten bins of each and hashed words, trained on top of the trees' margin.
 */
export type EncodedPairs = {
  dims: number;
  /** row-major, `dims` similarities per pair */
  dense: Float32Array;
  /** hashed word features of each pair, each once */
  words: readonly Uint32Array[];
  labels: Uint8Array;
};

export type PairStages = { trees: BoostedTrees; wordHashes: Uint32Array; weights: Float32Array; bias: number };

export type LinearOptions = { epochs: number; learningRate: number; l2: number; seed: number };

// Each similarity also one-hot in ten bins, so the linear stage can bend.
const BINS = 10;

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

function binIndex(dims: number, k: number, s: number): number {
  return dims + k * BINS + Math.min(BINS - 1, Math.max(0, Math.floor(s * BINS)));
}

function linearMargin(weights: Float32Array, bias: number, dims: number, dense: ArrayLike<number>, at: number, words: Int32Array): number {
  let z = bias;
  for (let k = 0; k < dims; k++) { const s = dense[at + k]!; z += weights[k]! * s + weights[binIndex(dims, k, s)]!; }
  const scale = words.length > 0 ? 1 / Math.sqrt(words.length) : 0;
  for (const i of words) z += weights[i]! * scale;
  return z;
}

/** Scores pairs with fitted stages: the trees' margin plus the linear margin, in log-odds. */
export class StageScorer {
  private readonly lookup = new Map<number, number>();
  private readonly wordsAt: number;
  constructor(readonly stages: PairStages, readonly dims: number) {
    this.wordsAt = dims * (1 + BINS);
    stages.wordHashes.forEach((h, i) => this.lookup.set(h, i));
  }
  indices(hashes: ArrayLike<number>): Int32Array {
    const out: number[] = [];
    for (let k = 0; k < hashes.length; k++) { const i = this.lookup.get(hashes[k]!); if (i !== undefined) out.push(this.wordsAt + i); }
    return Int32Array.from(out);
  }
  margin(dense: ArrayLike<number>, at: number, hashes: ArrayLike<number>): number {
    const { trees, weights, bias } = this.stages;
    return boostedMargin(trees, dense, at) + linearMargin(weights, bias, this.dims, dense, at, this.indices(hashes));
  }
}

/** Fits both stages on `rows` of `data` (all rows when omitted). Deterministic for fixed seeds. */
export function fitPairStages(data: EncodedPairs, boosting: BoostingOptions, linear: LinearOptions, rows?: Int32Array): PairStages {
  const { dims } = data;
  const members = rows ?? Int32Array.from(data.labels.keys());
  const n = members.length;
  const dense = new Float32Array(n * dims);
  const labels = new Uint8Array(n);
  members.forEach((r, i) => { dense.set(data.dense.subarray(r * dims, (r + 1) * dims), i * dims); labels[i] = data.labels[r]!; });
  const trees = trainBoostedTrees(dense, labels, dims, boosting);
  const offset = new Float32Array(n);
  for (let i = 0; i < n; i++) offset[i] = boostedMargin(trees, dense, i * dims);
  // hashes get indices in first-seen order, which is the (fixed) order of the rows
  const lookup = new Map<number, number>();
  const wordsAt = dims * (1 + BINS);
  const words = Array.from(members, (r) => {
    const hs = data.words[r]!;
    const out = new Int32Array(hs.length);
    hs.forEach((h, k) => { let i = lookup.get(h); if (i === undefined) { i = lookup.size; lookup.set(h, i); } out[k] = wordsAt + i; });
    return out;
  });
  const size = wordsAt + lookup.size;
  const weights = new Float32Array(size);
  const squared = new Float64Array(size);
  let bias = 0, biasSquared = 0;
  const random = seededRandom(linear.seed);
  const order = [...labels.keys()];
  for (let epoch = 0; epoch < linear.epochs; epoch++) {
    for (const i of shuffled(order, random)) {
      const ws = words[i]!;
      const at = i * dims;
      const g = sigmoid(offset[i]! + linearMargin(weights, bias, dims, dense, at, ws)) - labels[i]!;
      biasSquared += g * g;
      bias -= (linear.learningRate * g) / Math.sqrt(biasSquared + 1e-8);
      const step = (j: number, v: number) => {
        const gj = g * v + linear.l2 * weights[j]!;
        squared[j] = squared[j]! + gj * gj;
        weights[j] = weights[j]! - (linear.learningRate * gj) / Math.sqrt(squared[j]! + 1e-8);
      };
      for (let k = 0; k < dims; k++) { const s = dense[at + k]!; step(k, s); step(binIndex(dims, k, s), 1); }
      const scale = ws.length > 0 ? 1 / Math.sqrt(ws.length) : 0;
      for (const j of ws) step(j, scale);
    }
  }
  const wordHashes = new Uint32Array(lookup.size);
  for (const [h, i] of lookup) wordHashes[i] = h;
  return { trees, wordHashes, weights, bias };
}

/**
 * Out-of-fold probabilities: each of `folds` seeded folds is scored by stages fitted on the
 * others, so every pair gets a prediction from a model that never saw it.
 */
export function outOfFoldScores(data: EncodedPairs, folds: number, boosting: BoostingOptions, linear: LinearOptions, seed: number): Float64Array {
  const n = data.labels.length;
  const fold = Int32Array.from(shuffled([...Array(n).keys()], seededRandom(seed)).map((r, i) => [r, i % folds] as const).sort((x, y) => x[0] - y[0]), ([, f]) => f);
  const scores = new Float64Array(n);
  for (let f = 0; f < folds; f++) {
    const inside = Int32Array.from(fold.keys()).filter((r) => fold[r] !== f);
    const scorer = new StageScorer(fitPairStages(data, boosting, linear, inside), data.dims);
    for (let r = 0; r < n; r++) if (fold[r] === f) scores[r] = sigmoid(scorer.margin(data.dense, r * data.dims, data.words[r]!));
  }
  return scores;
}

/**
 * The probability cut that answers the most of `scores` right (a scorer should never lose to
 * always answering the majority class); among equally good cuts, the one nearest 0.5.
 */
export function bestThreshold(scores: ArrayLike<number>, labels: Uint8Array): number {
  const order = Array.from(labels.keys()).sort((x, y) => scores[x]! - scores[y]!);
  let positives = 0;
  for (const y of labels) positives += y;
  // cut below everything: every pair answered "same"
  let right = positives, best = right, bestCut = 0;
  for (let k = 0; k < order.length; k++) {
    right += labels[order[k]!] ? -1 : 1;
    const next = k + 1 < order.length ? scores[order[k + 1]!]! : 1;
    if (next === scores[order[k]!]!) continue;
    const cut = (scores[order[k]!]! + next) / 2;
    if (right > best || (right === best && Math.abs(cut - 0.5) < Math.abs(bestCut - 0.5))) { best = right; bestCut = cut; }
  }
  return Math.fround(bestCut);
}
