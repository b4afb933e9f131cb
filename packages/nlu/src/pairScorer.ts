import { pairWordFeatures, similarities, SIMILARITY_BINS, SIMILARITY_COUNT, viewQuestion, type QuestionView } from './pairFeatures.ts';
import { defaultSoftmaxTraining, linearScores, softmaxInPlace, trainSoftmax } from './softmaxRegression.ts';
import type { SparseVector } from './vectorizer.ts';

export type TextPair = { a: string; b: string; label: number };

export interface PairScorer {
  /** probability that the two questions mean the same */
  score(a: string, b: string): number;
  same(a: string, b: string): boolean;
}

// Dense similarities first (raw and one-hot binned, so the linear model can bend), then hashed words.
const DENSE = SIMILARITY_COUNT * (1 + SIMILARITY_BINS);

function encode(a: QuestionView, b: QuestionView, idf: (w: string) => number, lookup: Map<number, number>, grow: boolean): SparseVector {
  const index: number[] = [];
  const value: number[] = [];
  similarities(a, b, idf).forEach((s, k) => {
    index.push(k);
    value.push(s);
    index.push(SIMILARITY_COUNT + k * SIMILARITY_BINS + Math.min(SIMILARITY_BINS - 1, Math.floor(s * SIMILARITY_BINS)));
    value.push(1);
  });
  const words = [...new Set(pairWordFeatures(a, b))];
  for (const h of words) {
    let i = lookup.get(h);
    if (i === undefined && grow) { i = DENSE + lookup.size; lookup.set(h, i); }
    if (i === undefined) continue;
    index.push(i);
    value.push(1 / Math.sqrt(words.length));
  }
  return { index: Int32Array.from(index), value: Float32Array.from(value), coverage: 1 };
}

/** Logistic regression over pair similarities and word differences; AFQMC is its benchmark. */
export type PairTrainingOptions = { seed?: number; epochs?: number; learningRate?: number; l2?: number };

export function trainPairScorer(pairs: readonly TextPair[], options: PairTrainingOptions = {}): PairScorer {
  const views = pairs.map((p) => [viewQuestion(p.a), viewQuestion(p.b)] as const);
  const df = new Map<string, number>();
  for (const [a, b] of views) for (const w of new Set([...a.words, ...b.words])) df.set(w, (df.get(w) ?? 0) + 1);
  const n = views.length;
  const idf = (w: string) => Math.log((1 + n) / (1 + (df.get(w) ?? 0))) + 1;
  const lookup = new Map<number, number>();
  // hashes are assigned indices in first-seen order, which is the (fixed) order of the pairs
  const xs = views.map(([a, b]) => encode(a, b, idf, lookup, true));
  const ys = Int32Array.from(pairs, (p) => (p.label ? 1 : 0));
  const weights = trainSoftmax(xs, ys, 2, DENSE + lookup.size, { ...defaultSoftmaxTraining, learningRate: options.learningRate ?? 0.1, l2: options.l2 ?? 1e-5, seed: options.seed ?? 7, epochs: options.epochs ?? 6 });
  const score = (a: string, b: string) => softmaxInPlace(linearScores(weights, encode(viewQuestion(a), viewQuestion(b), idf, lookup, false)))[1] ?? 0;
  return { score, same: (a, b) => score(a, b) >= 0.5 };
}
