import { seededRandom } from './seededRandom.ts';

/**
 * Gradient-boosted regression trees for a binary logistic loss over a few dense features
 * (histogram splits, second-order leaf values, L2 on leaves). The pair scorer uses it: overlap
 * scores interact (a high character overlap means little when the lengths differ), which a
 * linear model over the same numbers cannot express.
 *
 * Trees are flat arrays so a model is data: node n splits on `feature[n]` at `threshold[n]`
 * (value ≤ threshold goes left) or, when `feature[n]` is -1, is a leaf worth `value[n]`.
 */
export type BoostedTrees = {
  dims: number;
  base: number;
  roots: Int32Array;
  feature: Int32Array;
  threshold: Float32Array;
  left: Int32Array;
  right: Int32Array;
  value: Float32Array;
};

export type BoostingOptions = {
  rounds: number;
  depth: number;
  learningRate: number;
  /** L2 penalty on leaf values */
  lambda: number;
  /** fewest rows a leaf may hold */
  minLeaf: number;
  /** share of rows each tree sees, drawn with a seeded generator */
  subsample: number;
  /** histogram bins per feature */
  bins: number;
  seed: number;
};

export const defaultBoosting: BoostingOptions = { rounds: 150, depth: 4, learningRate: 0.1, lambda: 1, minLeaf: 20, subsample: 0.8, bins: 32, seed: 11 };

/** Bin edges per feature at quantiles of its values: a row goes to the first edge ≥ its value. */
function binEdges(x: Float32Array, rows: number, dims: number, bins: number): Float32Array[] {
  const edges: Float32Array[] = [];
  const column = new Float32Array(rows);
  for (let d = 0; d < dims; d++) {
    for (let r = 0; r < rows; r++) column[r] = x[r * dims + d]!;
    const sorted = column.slice().sort();
    const cuts: number[] = [];
    for (let b = 1; b < bins; b++) {
      const v = sorted[Math.min(rows - 1, Math.floor((b * rows) / bins))]!;
      if (cuts.length === 0 || v > cuts[cuts.length - 1]!) cuts.push(v);
    }
    // the top cut would send nothing right: every value ≤ the maximum
    if (cuts.length > 0 && cuts[cuts.length - 1]! >= sorted[rows - 1]!) cuts.pop();
    edges.push(Float32Array.from(cuts));
  }
  return edges;
}

function binOf(edges: Float32Array, v: number): number {
  let lo = 0, hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid]! >= v) hi = mid; else lo = mid + 1;
  }
  return lo;
}

type Growing = { feature: number[]; threshold: number[]; left: number[]; right: number[]; value: number[] };

/**
 * Fits trees to rows of `x` (row-major, `dims` per row) with labels 0/1 and an optional fixed
 * margin per row (`offset`) that the trees add to.
 */
export function trainBoostedTrees(x: Float32Array, labels: Uint8Array, dims: number, options: BoostingOptions = defaultBoosting, offset?: Float32Array): BoostedTrees {
  const rows = labels.length;
  const edges = binEdges(x, rows, dims, options.bins);
  const binned = new Uint8Array(rows * dims);
  for (let r = 0; r < rows; r++) for (let d = 0; d < dims; d++) binned[r * dims + d] = binOf(edges[d]!, x[r * dims + d]!);
  let positives = 0;
  for (let r = 0; r < rows; r++) positives += labels[r]!;
  const prior = Math.min(Math.max(positives / Math.max(1, rows), 1e-3), 1 - 1e-3);
  const base = offset ? 0 : Math.log(prior / (1 - prior));
  const margin = new Float64Array(rows);
  for (let r = 0; r < rows; r++) margin[r] = base + (offset?.[r] ?? 0);
  const grad = new Float64Array(rows);
  const hess = new Float64Array(rows);
  const random = seededRandom(options.seed);
  const tree: Growing = { feature: [], threshold: [], left: [], right: [], value: [] };
  const roots: number[] = [];
  const maxBins = options.bins + 1;
  const histG = new Float64Array(dims * maxBins);
  const histH = new Float64Array(dims * maxBins);
  const histN = new Int32Array(dims * maxBins);

  const grow = (members: Int32Array, depth: number): number => {
    let g = 0, h = 0;
    for (const r of members) { g += grad[r]!; h += hess[r]!; }
    const node = tree.feature.length;
    tree.feature.push(-1); tree.threshold.push(0); tree.left.push(-1); tree.right.push(-1);
    tree.value.push((-g / (h + options.lambda)) * options.learningRate);
    if (depth >= options.depth || members.length < 2 * options.minLeaf) return node;
    histG.fill(0); histH.fill(0); histN.fill(0);
    for (const r of members) {
      const at = r * dims;
      for (let d = 0; d < dims; d++) {
        const k = d * maxBins + binned[at + d]!;
        histG[k] = histG[k]! + grad[r]!; histH[k] = histH[k]! + hess[r]!; histN[k] = histN[k]! + 1;
      }
    }
    const parent = (g * g) / (h + options.lambda);
    let bestGain = 1e-6, bestFeature = -1, bestBin = -1;
    for (let d = 0; d < dims; d++) {
      let gl = 0, hl = 0, nl = 0;
      const cuts = edges[d]!.length;
      for (let b = 0; b < cuts; b++) {
        const k = d * maxBins + b;
        gl += histG[k]!; hl += histH[k]!; nl += histN[k]!;
        const nr = members.length - nl;
        if (nl < options.minLeaf) continue;
        if (nr < options.minLeaf) break;
        const gr = g - gl, hr = h - hl;
        const gain = (gl * gl) / (hl + options.lambda) + (gr * gr) / (hr + options.lambda) - parent;
        if (gain > bestGain) { bestGain = gain; bestFeature = d; bestBin = b; }
      }
    }
    if (bestFeature < 0) return node;
    let nLeft = 0;
    for (const r of members) if (binned[r * dims + bestFeature]! <= bestBin) nLeft++;
    const lefts = new Int32Array(nLeft);
    const rights = new Int32Array(members.length - nLeft);
    let li = 0, ri = 0;
    for (const r of members) if (binned[r * dims + bestFeature]! <= bestBin) lefts[li++] = r; else rights[ri++] = r;
    tree.feature[node] = bestFeature;
    tree.threshold[node] = edges[bestFeature]![bestBin]!;
    tree.left[node] = grow(lefts, depth + 1);
    tree.right[node] = grow(rights, depth + 1);
    return node;
  };

  const all = new Int32Array(rows);
  for (let round = 0; round < options.rounds; round++) {
    for (let r = 0; r < rows; r++) {
      const p = 1 / (1 + Math.exp(-margin[r]!));
      grad[r] = p - labels[r]!;
      hess[r] = Math.max(p * (1 - p), 1e-6);
    }
    let n = 0;
    for (let r = 0; r < rows; r++) if (options.subsample >= 1 || random() < options.subsample) all[n++] = r;
    roots.push(grow(all.slice(0, n), 0));
    // every row, sampled or not, moves by the new tree
    const root = roots[roots.length - 1]!;
    for (let r = 0; r < rows; r++) {
      let at = root;
      while (tree.feature[at]! >= 0) at = x[r * dims + tree.feature[at]!]! <= tree.threshold[at]! ? tree.left[at]! : tree.right[at]!;
      margin[r] = margin[r]! + tree.value[at]!;
    }
  }
  return {
    dims, base, roots: Int32Array.from(roots), feature: Int32Array.from(tree.feature), threshold: Float32Array.from(tree.threshold),
    left: Int32Array.from(tree.left), right: Int32Array.from(tree.right), value: Float32Array.from(tree.value),
  };
}

/** Margin (log-odds, before any offset) of one row of `dims` features starting at `at`. */
export function boostedMargin(model: BoostedTrees, x: ArrayLike<number>, at = 0): number {
  let sum = model.base;
  const { roots, feature, threshold, left, right, value } = model;
  for (let t = 0; t < roots.length; t++) {
    let n = roots[t]!;
    while (feature[n]! >= 0) n = x[at + feature[n]!]! <= threshold[n]! ? left[n]! : right[n]!;
    sum += value[n]!;
  }
  return sum;
}
