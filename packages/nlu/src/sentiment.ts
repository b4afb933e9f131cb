import { defaultFeatureConfig, emitFeatureHashes, extractFeatures, type FeatureConfig } from './features.ts';
import type { LabelledText } from './intentModel.ts';
import { packModel, unpackModel } from './modelBytes.ts';
import { defaultSoftmaxTraining, linearScoresOf, softmaxInPlace, trainSoftmax, type LinearWeights } from './softmaxRegression.ts';
import { fitVocabulary, vectorize, vectorizeHashes, vectorScratch, vocabularyOf, type Vocabulary } from './vectorizer.ts';

export type SentimentPrediction = { label: string; score: number };

export type SentimentStats = { examples: number; labels: number; features: number; trainMs: number; createdAt: string | null };

export interface SentimentModel {
  readonly version: string;
  readonly stats: SentimentStats;
  readonly labels: readonly string[];
  predict(text: string): SentimentPrediction;
}

export type SentimentTrainingOptions = {
  seed?: number;
  epochs?: number;
  learningRate?: number;
  /** features in fewer examples than this are dropped (default 2 above 5,000 rows, else 1) */
  minDf?: number;
  /** which n-grams to extract; defaults to defaultFeatureConfig (character n-grams up to 4, English up to 5) */
  features?: FeatureConfig;
  /** stamped into the stats as given; training never reads the clock for it */
  createdAt?: string;
  /** clock for trainMs only; defaults to performance.now */
  now?: () => number;
};

export const SENTIMENT_MODEL_VERSION = 'lingxi-sentiment/1';

type SentimentParts = { labels: string[]; features: FeatureConfig; vocabulary: Vocabulary; weights: LinearWeights; stats: SentimentStats };

class LinearSentiment implements SentimentModel {
  readonly version = SENTIMENT_MODEL_VERSION;
  readonly stats: SentimentStats;
  readonly labels: readonly string[];
  private readonly query = vectorScratch();
  private readonly scores: Float64Array;
  constructor(readonly parts: SentimentParts) {
    this.stats = parts.stats;
    this.labels = parts.labels;
    this.scores = new Float64Array(parts.labels.length);
  }

  predict(text: string): SentimentPrediction {
    const x = vectorizeHashes(emitFeatureHashes(text, this.parts.features), this.parts.vocabulary, this.query);
    const probs = softmaxInPlace(linearScoresOf(this.parts.weights, x.index, x.value, x.length, this.scores));
    let best = 0;
    for (let c = 1; c < probs.length; c++) if (probs[c]! > probs[best]!) best = c;
    return { label: this.labels[best] ?? '', score: probs[best] ?? 0 };
  }
}

/**
 * A general text-sentiment classifier trained on labelled reviews (any label set). It is the
 * trainer the benchmark and `eval sentiment` use; the product's per-message emotion is
 * lexicon-based (see emotion.ts) because review data may not be shipped.
 */
export function trainSentiment(rows: readonly LabelledText[], options: SentimentTrainingOptions = {}): SentimentModel {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const labels = [...new Set(rows.map((r) => String(r.label)))].sort();
  const index = new Map(labels.map((l, i) => [l, i]));
  // reviews are long: unlike short queries they gain from character n-grams up to 4 (and 5 in English)
  const features = options.features ?? defaultFeatureConfig;
  const bags = rows.map((r) => extractFeatures(r.text, features));
  // reviews are long: a feature seen once in thousands of them is mostly noise
  const vocabulary: Vocabulary = fitVocabulary(bags, options.minDf ?? (rows.length > 5000 ? 2 : 1));
  const xs = bags.map((b) => vectorize(b, vocabulary));
  const ys = Int32Array.from(rows, (r) => index.get(String(r.label)) ?? 0);
  const weights: LinearWeights = trainSoftmax(xs, ys, labels.length, vocabulary.hashes.length, {
    ...defaultSoftmaxTraining, learningRate: options.learningRate ?? 0.1, l2: 1e-5, seed: options.seed ?? 7, epochs: options.epochs ?? 6,
  });
  const stats: SentimentStats = {
    examples: rows.length, labels: labels.length, features: vocabulary.hashes.length,
    trainMs: Math.round(now() - started), createdAt: options.createdAt ?? null,
  };
  return new LinearSentiment({ labels, features, vocabulary, weights, stats });
}

export function serializeSentimentModel(model: SentimentModel): Uint8Array {
  if (!(model instanceof LinearSentiment)) throw new Error('Only models made by trainSentiment or loadSentimentModel can be serialized.');
  const { labels, features, vocabulary, weights, stats } = model.parts;
  return packModel(
    { kind: 'sentiment', version: SENTIMENT_MODEL_VERSION, labels, classes: weights.classes, features, stats },
    { hashes: vocabulary.hashes, idf: vocabulary.idf, weights: weights.weights, bias: weights.bias },
  );
}

export function loadSentimentModel(bytes: Uint8Array): SentimentModel {
  const { meta, arrays } = unpackModel(bytes);
  if (meta.kind !== 'sentiment' || meta.version !== SENTIMENT_MODEL_VERSION) {
    throw new Error(`Not a sentiment model of version ${SENTIMENT_MODEL_VERSION} (got ${String(meta.kind)} ${String(meta.version)}).`);
  }
  const hashes = arrays.hashes as Uint32Array;
  return new LinearSentiment({
    labels: meta.labels as string[],
    features: meta.features as FeatureConfig,
    vocabulary: vocabularyOf(hashes, arrays.idf as Float32Array),
    weights: { classes: meta.classes as number, features: hashes.length, weights: arrays.weights as Float32Array, bias: arrays.bias as Float32Array },
    stats: meta.stats as SentimentStats,
  });
}
