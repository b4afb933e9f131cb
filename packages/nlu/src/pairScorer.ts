import { hashFeature } from './features.ts';
import { boostedMargin, defaultBoosting, trainBoostedTrees, type BoostedTrees, type BoostingOptions } from './gradientBoosting.ts';
import { packModel, unpackModel } from './modelBytes.ts';
import { pairWordFeatures, similarities, SIMILARITY_COUNT, viewQuestion, type QuestionView } from './pairFeatures.ts';
import { seededRandom, shuffled } from './seededRandom.ts';

export type TextPair = { a: string; b: string; label: number };

export type PairStats = {
  pairs: number;
  positives: number;
  /** hashed word features the linear stage knows */
  features: number;
  trees: number;
  trainMs: number;
  createdAt: string | null;
};

export interface PairScorer {
  readonly version: string;
  readonly stats: PairStats;
  /** probability that the two questions mean the same */
  score(a: string, b: string): number;
  same(a: string, b: string): boolean;
}

export type PairTrainingOptions = {
  seed?: number;
  epochs?: number;
  learningRate?: number;
  l2?: number;
  /** boosting over the dense similarities; `rounds: 0` leaves only the linear stage */
  boosting?: Partial<BoostingOptions>;
  createdAt?: string;
  /** clock for trainMs only; defaults to performance.now */
  now?: () => number;
};

export const PAIR_MODEL_VERSION = 'lingxi-pair/1';

/** The trained parts of a pair scorer, as saved and loaded. */
type PairParts = {
  idfHashes: Uint32Array;
  idf: Float32Array;
  /** hashed word features of the linear stage, in index order */
  wordHashes: Uint32Array;
  /** one weight per dense similarity, one per bin of each, then one per word feature */
  weights: Float32Array;
  bias: number;
  trees: BoostedTrees;
  stats: PairStats;
};

/** How a pair is described: the dense similarities and the hashed words of the linear stage. */
class PairEncoder {
  private readonly idfOf: Map<number, number>;
  readonly maxIdf: number;
  readonly dense = new Float32Array(SIMILARITY_COUNT);
  constructor(idfHashes: Uint32Array, idf: Float32Array, readonly unseenIdf: number) {
    this.idfOf = new Map();
    idfHashes.forEach((h, i) => this.idfOf.set(h, idf[i]!));
    this.maxIdf = unseenIdf;
  }
  readonly idf = (word: string): number => this.idfOf.get(hashFeature(word)) ?? this.unseenIdf;
  /** Fills `this.dense` (or `into` at `at`) with the pair's similarities. */
  similarities(a: QuestionView, b: QuestionView, into: Float32Array = this.dense, at = 0): Float32Array {
    const s = similarities(a, b, this.idf, this.maxIdf);
    for (let k = 0; k < s.length; k++) into[at + k] = s[k]!;
    return into;
  }
}

function documentFrequencies(views: readonly (readonly [QuestionView, QuestionView])[]): { idfHashes: Uint32Array; idf: Float32Array; unseenIdf: number } {
  const df = new Map<number, number>();
  for (const [a, b] of views) for (const w of new Set([...a.words, ...b.words])) { const h = hashFeature(w); df.set(h, (df.get(h) ?? 0) + 1); }
  const idfHashes = Uint32Array.from([...df.keys()].sort((x, y) => x - y));
  const n = views.length;
  const idf = Float32Array.from(idfHashes, (h) => Math.log((1 + n) / (1 + (df.get(h) ?? 0))) + 1);
  return { idfHashes, idf, unseenIdf: Math.fround(Math.log(1 + n) + 1) };
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

class TrainedPairScorer implements PairScorer {
  readonly version = PAIR_MODEL_VERSION;
  readonly stats: PairStats;
  private readonly encoder: PairEncoder;
  private readonly lookup = new Map<number, number>();
  constructor(readonly parts: PairParts) {
    this.stats = parts.stats;
    this.encoder = new PairEncoder(parts.idfHashes, parts.idf, Math.fround(Math.log(1 + parts.stats.pairs) + 1));
    parts.wordHashes.forEach((h, i) => this.lookup.set(h, i));
  }

  score(a: string, b: string): number {
    const va = viewQuestion(a), vb = viewQuestion(b);
    const dense = this.encoder.similarities(va, vb);
    return sigmoid(boostedMargin(this.parts.trees, dense) + linearMargin(this.parts.weights, this.parts.bias, dense, wordIndices(va, vb, this.lookup, false)));
  }

  same(a: string, b: string): boolean {
    return this.score(a, b) >= 0.5;
  }
}

// Each similarity also one-hot in ten bins, so the linear stage can bend.
const BINS = 10;
const WORDS_AT = SIMILARITY_COUNT * (1 + BINS);

function binIndex(k: number, s: number): number {
  return SIMILARITY_COUNT + k * BINS + Math.min(BINS - 1, Math.max(0, Math.floor(s * BINS)));
}

/** Indices (after the dense and binned blocks) of the pair's known word features, each once. */
function wordIndices(a: QuestionView, b: QuestionView, lookup: Map<number, number>, grow: boolean): Int32Array {
  const out: number[] = [];
  const seen = new Set<number>();
  for (const h of pairWordFeatures(a, b)) {
    if (seen.has(h)) continue;
    seen.add(h);
    let i = lookup.get(h);
    if (i === undefined && grow) { i = lookup.size; lookup.set(h, i); }
    if (i !== undefined) out.push(WORDS_AT + i);
  }
  return Int32Array.from(out);
}

function linearMargin(weights: Float32Array, bias: number, dense: Float32Array, words: Int32Array): number {
  let z = bias;
  for (let k = 0; k < SIMILARITY_COUNT; k++) z += weights[k]! * dense[k]! + weights[binIndex(k, dense[k]!)]!;
  const scale = words.length > 0 ? 1 / Math.sqrt(words.length) : 0;
  for (const i of words) z += weights[i]! * scale;
  return z;
}

/**
 * Logistic regression over the dense similarities and hashed words, added to a fixed margin per
 * pair (the trees'), so the words learn what the overlap scores miss. AdaGrad, seeded order.
 */
function trainResidualLinear(dense: Float32Array, words: readonly Int32Array[], labels: Uint8Array, offset: Float32Array, size: number, options: { epochs: number; learningRate: number; l2: number; seed: number }): { weights: Float32Array; bias: number } {
  const weights = new Float32Array(size);
  const squared = new Float64Array(size);
  let bias = 0, biasSquared = 0;
  const random = seededRandom(options.seed);
  const order = [...labels.keys()];
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const r of shuffled(order, random)) {
      const row = dense.subarray(r * SIMILARITY_COUNT, (r + 1) * SIMILARITY_COUNT);
      const ws = words[r]!;
      const g = sigmoid(offset[r]! + linearMargin(weights, bias, row, ws)) - labels[r]!;
      biasSquared += g * g;
      bias -= (options.learningRate * g) / Math.sqrt(biasSquared + 1e-8);
      const step = (i: number, v: number) => {
        const gi = g * v + options.l2 * weights[i]!;
        squared[i] = squared[i]! + gi * gi;
        weights[i] = weights[i]! - (options.learningRate * gi) / Math.sqrt(squared[i]! + 1e-8);
      };
      for (let k = 0; k < SIMILARITY_COUNT; k++) { step(k, row[k]!); step(binIndex(k, row[k]!), 1); }
      const scale = ws.length > 0 ? 1 / Math.sqrt(ws.length) : 0;
      for (const i of ws) step(i, scale);
    }
  }
  return { weights, bias };
}

/**
 * "Do these two questions mean the same": boosted trees over dense similarities (overlaps,
 * coverage, edit distance, negation and number mismatches), plus a logistic regression over
 * hashed agreeing / differing words and their crossings that corrects the trees. AFQMC is its
 * benchmark.
 */
export function trainPairScorer(pairs: readonly TextPair[], options: PairTrainingOptions = {}): PairScorer {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const seed = options.seed ?? 7;
  const views = pairs.map((p) => [viewQuestion(p.a), viewQuestion(p.b)] as const);
  const { idfHashes, idf, unseenIdf } = documentFrequencies(views);
  const encoder = new PairEncoder(idfHashes, idf, unseenIdf);
  const dense = new Float32Array(pairs.length * SIMILARITY_COUNT);
  views.forEach(([a, b], r) => encoder.similarities(a, b, dense, r * SIMILARITY_COUNT));
  const labels = Uint8Array.from(pairs, (p) => (p.label ? 1 : 0));
  const boosting = { ...defaultBoosting, seed: seed + 4, ...options.boosting };
  const trees = trainBoostedTrees(dense, labels, SIMILARITY_COUNT, boosting);
  const offset = new Float32Array(pairs.length);
  for (let r = 0; r < pairs.length; r++) offset[r] = boostedMargin(trees, dense, r * SIMILARITY_COUNT);
  // hashes get indices in first-seen order, which is the (fixed) order of the pairs
  const lookup = new Map<number, number>();
  const words = views.map(([a, b]) => wordIndices(a, b, lookup, true));
  const { weights, bias } = trainResidualLinear(dense, words, labels, offset, WORDS_AT + lookup.size, {
    epochs: options.epochs ?? 4, learningRate: options.learningRate ?? 0.05, l2: options.l2 ?? 1e-5, seed,
  });
  const wordHashes = new Uint32Array(lookup.size);
  for (const [h, i] of lookup) wordHashes[i] = h;
  let positives = 0;
  for (const y of labels) positives += y;
  const stats: PairStats = {
    pairs: pairs.length, positives, features: lookup.size, trees: trees.roots.length,
    trainMs: Math.round(now() - started), createdAt: options.createdAt ?? null,
  };
  return new TrainedPairScorer({ idfHashes, idf, wordHashes, weights, bias, trees, stats });
}

export function serializePairScorer(scorer: PairScorer): Uint8Array {
  if (!(scorer instanceof TrainedPairScorer)) throw new Error('Only scorers made by trainPairScorer or loadPairScorer can be serialized.');
  const { idfHashes, idf, wordHashes, weights, bias, trees, stats } = scorer.parts;
  return packModel(
    { kind: 'pair', version: PAIR_MODEL_VERSION, dims: SIMILARITY_COUNT, bias, base: trees.base, stats },
    {
      idfHashes, idf, wordHashes, weights,
      treeRoots: trees.roots, treeFeature: trees.feature, treeThreshold: trees.threshold, treeLeft: trees.left, treeRight: trees.right, treeValue: trees.value,
    },
  );
}

export function loadPairScorer(bytes: Uint8Array): PairScorer {
  const { meta, arrays } = unpackModel(bytes);
  if (meta.kind !== 'pair' || meta.version !== PAIR_MODEL_VERSION || meta.dims !== SIMILARITY_COUNT) {
    throw new Error(`Not a pair scorer of version ${PAIR_MODEL_VERSION} (got ${String(meta.kind)} ${String(meta.version)}).`);
  }
  const trees: BoostedTrees = {
    dims: SIMILARITY_COUNT, base: meta.base as number,
    roots: arrays.treeRoots as Int32Array, feature: arrays.treeFeature as Int32Array, threshold: arrays.treeThreshold as Float32Array,
    left: arrays.treeLeft as Int32Array, right: arrays.treeRight as Int32Array, value: arrays.treeValue as Float32Array,
  };
  return new TrainedPairScorer({
    idfHashes: arrays.idfHashes as Uint32Array, idf: arrays.idf as Float32Array, wordHashes: arrays.wordHashes as Uint32Array,
    weights: arrays.weights as Float32Array, bias: meta.bias as number, trees, stats: meta.stats as PairStats,
  });
}
