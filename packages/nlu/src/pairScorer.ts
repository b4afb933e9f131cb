import { hashFeature } from './features.ts';
import { defaultBoosting, type BoostedTrees, type BoostingOptions } from './gradientBoosting.ts';
import { packModel, unpackModel, type ModelArray } from './modelBytes.ts';
import { pairWordFeatures, similarities, SIMILARITY_COUNT, viewQuestion, type QuestionView } from './pairFeatures.ts';
import { defaultEmbedding, EMBEDDING_SIMILARITY_COUNT, embeddingSimilarities, learnWordVectors, WordSpace, type EmbeddingOptions, type WordVectors } from './pairEmbedding.ts';
import { bestThreshold, fitPairStages, outOfFoldScores, StageScorer, type EncodedPairs, type PairStages } from './pairStages.ts';

export type TextPair = { a: string; b: string; label: number };

export type PairStats = {
  pairs: number;
  positives: number;
  /** hashed word features the linear stage knows */
  features: number;
  trees: number;
  /** probability from which a pair is called the same (0.5 before lingxi-pair/2) */
  threshold: number;
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
  /** word vectors learned from the training questions (PPMI + truncated SVD); `false` leaves them out */
  embedding?: Partial<EmbeddingOptions> | false;
  /** folds of out-of-fold predictions the decision threshold is chosen on; 0 keeps 0.5 */
  thresholdFolds?: number;
  createdAt?: string;
  /** clock for trainMs only; defaults to performance.now */
  now?: () => number;
};

export const PAIR_MODEL_VERSION = 'lingxi-pair/2';
const OLDER_VERSIONS = new Set(['lingxi-pair/1']);

/** The trained parts of a pair scorer, as saved and loaded. */
type PairParts = { idfHashes: Uint32Array; idf: Float32Array; dims: number; words: WordVectors | null; stages: PairStages; stats: PairStats };

/** How a pair is described: the dense similarities and the hashed words of the linear stage. */
class PairEncoder {
  private readonly idfOf = new Map<number, number>();
  private readonly space: WordSpace | null;
  readonly dims: number;
  constructor(idfHashes: Uint32Array, idf: Float32Array, readonly unseenIdf: number, words: WordVectors | null) {
    idfHashes.forEach((h, i) => this.idfOf.set(h, idf[i]!));
    this.space = words ? new WordSpace(words) : null;
    this.dims = SIMILARITY_COUNT + (words ? EMBEDDING_SIMILARITY_COUNT : 0);
  }
  readonly idf = (word: string): number => this.idfOf.get(hashFeature(word)) ?? this.unseenIdf;
  /** Writes the pair's similarities into `into` at `at`. */
  similarities(a: QuestionView, b: QuestionView, into: Float32Array, at = 0): void {
    const s = similarities(a, b, this.idf, this.unseenIdf);
    for (let k = 0; k < SIMILARITY_COUNT; k++) into[at + k] = s[k] ?? 0;
    if (!this.space) return;
    const e = embeddingSimilarities(this.space, a, b, this.idf);
    for (let k = 0; k < EMBEDDING_SIMILARITY_COUNT; k++) into[at + SIMILARITY_COUNT + k] = e[k] ?? 0;
  }
}

/** A pair's hashed word features, each once, in first-seen order. */
function uniqueWords(a: QuestionView, b: QuestionView): Uint32Array {
  return Uint32Array.from(new Set(pairWordFeatures(a, b)));
}

function documentFrequencies(views: readonly (readonly [QuestionView, QuestionView])[]): { idfHashes: Uint32Array; idf: Float32Array; unseenIdf: number } {
  const df = new Map<number, number>();
  for (const [a, b] of views) for (const w of new Set([...a.words, ...b.words])) { const h = hashFeature(w); df.set(h, (df.get(h) ?? 0) + 1); }
  const idfHashes = Uint32Array.from([...df.keys()].sort((x, y) => x - y));
  const n = views.length;
  const idf = Float32Array.from(idfHashes, (h) => Math.log((1 + n) / (1 + (df.get(h) ?? 0))) + 1);
  return { idfHashes, idf, unseenIdf: unseenIdfOf(n) };
}

const unseenIdfOf = (pairs: number) => Math.fround(Math.log(1 + pairs) + 1);

class TrainedPairScorer implements PairScorer {
  readonly stats: PairStats;
  private readonly encoder: PairEncoder;
  private readonly stages: StageScorer;
  private readonly dense: Float32Array;
  constructor(readonly parts: PairParts, readonly version: string = PAIR_MODEL_VERSION) {
    this.stats = parts.stats;
    this.encoder = new PairEncoder(parts.idfHashes, parts.idf, unseenIdfOf(parts.stats.pairs), parts.words);
    this.stages = new StageScorer(parts.stages, parts.dims);
    this.dense = new Float32Array(parts.dims);
  }

  score(a: string, b: string): number {
    const va = viewQuestion(a), vb = viewQuestion(b);
    this.encoder.similarities(va, vb, this.dense);
    return 1 / (1 + Math.exp(-this.stages.margin(this.dense, 0, uniqueWords(va, vb))));
  }

  same(a: string, b: string): boolean {
    return this.score(a, b) >= this.stats.threshold;
  }
}

/**
 * "Do these two questions mean the same": boosted trees over dense similarities (overlaps,
 * coverage, edit distance, negation and number mismatches), plus a logistic regression over
 * hashed agreeing / differing words and their crossings that corrects the trees; the decision
 * threshold is the one that answers out-of-fold predictions of the training pairs best. AFQMC is
 * its benchmark.
 */
export function trainPairScorer(pairs: readonly TextPair[], options: PairTrainingOptions = {}): PairScorer {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const seed = options.seed ?? 7;
  const views = pairs.map((p) => [viewQuestion(p.a), viewQuestion(p.b)] as const);
  const { idfHashes, idf, unseenIdf } = documentFrequencies(views);
  const questions = new Map<string, QuestionView>();
  pairs.forEach((p, r) => { questions.set(p.a, views[r]![0]); questions.set(p.b, views[r]![1]); });
  const words = options.embedding === false ? null : learnWordVectors([...questions.values()], { ...defaultEmbedding, ...options.embedding });
  const encoder = new PairEncoder(idfHashes, idf, unseenIdf, words);
  const dims = encoder.dims;
  const dense = new Float32Array(pairs.length * dims);
  views.forEach(([a, b], r) => encoder.similarities(a, b, dense, r * dims));
  const data: EncodedPairs = { dims, dense, words: views.map(([a, b]) => uniqueWords(a, b)), labels: Uint8Array.from(pairs, (p) => (p.label ? 1 : 0)) };
  const boosting = { ...defaultBoosting, seed: seed + 4, ...options.boosting };
  const linear = { epochs: options.epochs ?? 4, learningRate: options.learningRate ?? 0.05, l2: options.l2 ?? 1e-5, seed };
  const folds = options.thresholdFolds ?? 0;
  // too few pairs to hold some out: keep the even cut
  const threshold = folds >= 2 && pairs.length >= 20 * folds ? bestThreshold(outOfFoldScores(data, folds, boosting, linear, seed + 9), data.labels) : 0.5;
  const stages = fitPairStages(data, boosting, linear);
  let positives = 0;
  for (const y of data.labels) positives += y;
  const stats: PairStats = {
    pairs: pairs.length, positives, features: stages.wordHashes.length, trees: stages.trees.roots.length, threshold,
    trainMs: Math.round(now() - started), createdAt: options.createdAt ?? null,
  };
  return new TrainedPairScorer({ idfHashes, idf, dims, words, stages, stats });
}

export function serializePairScorer(scorer: PairScorer): Uint8Array {
  if (!(scorer instanceof TrainedPairScorer)) throw new Error('Only scorers made by trainPairScorer or loadPairScorer can be serialized.');
  const { idfHashes, idf, dims, words, stages, stats } = scorer.parts;
  const { trees, wordHashes, weights, bias } = stages;
  const vectors: Record<string, ModelArray> = words ? { vectorHashes: words.hashes, vectors: words.vectors } : {};
  return packModel(
    { kind: 'pair', version: scorer.version, dims, bias, base: trees.base, vectorSize: words?.size ?? 0, stats },
    {
      idfHashes, idf, wordHashes, weights, ...vectors,
      treeRoots: trees.roots, treeFeature: trees.feature, treeThreshold: trees.threshold, treeLeft: trees.left, treeRight: trees.right, treeValue: trees.value,
    },
  );
}

export function loadPairScorer(bytes: Uint8Array): PairScorer {
  const { meta, arrays } = unpackModel(bytes);
  const version = String(meta.version);
  if (meta.kind !== 'pair' || (version !== PAIR_MODEL_VERSION && !OLDER_VERSIONS.has(version)) ) {
    throw new Error(`Not a pair scorer of version ${PAIR_MODEL_VERSION} (got ${String(meta.kind)} ${version}).`);
  }
  const dims = meta.dims as number;
  const size = (meta.vectorSize as number | undefined) ?? 0;
  const words = size > 0 ? { hashes: arrays.vectorHashes as Uint32Array, vectors: arrays.vectors as Float32Array, size } : null;
  if (dims !== SIMILARITY_COUNT + (words ? EMBEDDING_SIMILARITY_COUNT : 0)) throw new Error(`A pair scorer with ${String(meta.dims)} similarities is not one this engine can compute.`);
  const trees: BoostedTrees = {
    dims, base: meta.base as number,
    roots: arrays.treeRoots as Int32Array, feature: arrays.treeFeature as Int32Array, threshold: arrays.treeThreshold as Float32Array,
    left: arrays.treeLeft as Int32Array, right: arrays.treeRight as Int32Array, value: arrays.treeValue as Float32Array,
  };
  // version 1 decided at an even 0.5
  const stored = meta.stats as Omit<PairStats, 'threshold'> & { threshold?: number };
  const stats: PairStats = { ...stored, threshold: stored.threshold ?? 0.5 };
  const stages: PairStages = { trees, wordHashes: arrays.wordHashes as Uint32Array, weights: arrays.weights as Float32Array, bias: meta.bias as number };
  return new TrainedPairScorer({ idfHashes: arrays.idfHashes as Uint32Array, idf: arrays.idf as Float32Array, dims, words, stages, stats }, version);
}
