import { extractFeatures } from './features.ts';
import type { LabelledText } from './intentModel.ts';
import { defaultSoftmaxTraining, linearScores, softmaxInPlace, trainSoftmax, type LinearWeights } from './softmaxRegression.ts';
import { fitVocabulary, vectorize, type Vocabulary } from './vectorizer.ts';

export type SentimentPrediction = { label: string; score: number };
export interface SentimentModel {
  readonly labels: readonly string[];
  predict(text: string): SentimentPrediction;
}

export type SentimentTrainingOptions = { seed?: number; epochs?: number; learningRate?: number };

/**
 * A general text-sentiment classifier trained on labelled reviews (any label set). It is the
 * trainer the benchmark and `eval sentiment` use; the product's per-message emotion is
 * lexicon-based (see emotion.ts) because review data may not be shipped.
 */
export function trainSentiment(rows: readonly LabelledText[], options: SentimentTrainingOptions = {}): SentimentModel {
  const labels = [...new Set(rows.map((r) => String(r.label)))].sort();
  const index = new Map(labels.map((l, i) => [l, i]));
  const bags = rows.map((r) => extractFeatures(r.text));
  const vocabulary: Vocabulary = fitVocabulary(bags, rows.length > 5000 ? 2 : 1);
  const xs = bags.map((b) => vectorize(b, vocabulary));
  const ys = Int32Array.from(rows, (r) => index.get(String(r.label)) ?? 0);
  const weights: LinearWeights = trainSoftmax(xs, ys, labels.length, vocabulary.hashes.length, {
    ...defaultSoftmaxTraining, learningRate: options.learningRate ?? 0.1, l2: 1e-5, seed: options.seed ?? 7, epochs: options.epochs ?? 6,
  });
  return {
    labels,
    predict(text: string): SentimentPrediction {
      const probs = softmaxInPlace(linearScores(weights, vectorize(extractFeatures(text), vocabulary)));
      let best = 0;
      for (let c = 1; c < probs.length; c++) if ((probs[c] ?? 0) > (probs[best] ?? 0)) best = c;
      return { label: labels[best] ?? '', score: probs[best] ?? 0 };
    },
  };
}
