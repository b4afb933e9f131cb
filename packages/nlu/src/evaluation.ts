import { trainIntentModel, type LabelledText } from './intentModel.ts';
import { trainPairScorer, type TextPair } from './pairScorer.ts';
import { trainSentiment } from './sentiment.ts';

export type EvalResult = { accuracy: number; macroF1: number; inScopeAccuracy?: number; oosRecall?: number; trainSeconds: number; p50Ms: number; p99Ms: number };

const OOS = '\u0000oos';

/** Macro-averaged F1 over every label that occurs as truth or as prediction. */
export function macroF1(truth: readonly string[], predicted: readonly string[]): number {
  const labels = [...new Set([...truth, ...predicted])];
  let sum = 0;
  for (const label of labels) {
    let tp = 0, fp = 0, fn = 0;
    truth.forEach((t, i) => {
      const p = predicted[i];
      if (p === label && t === label) tp++;
      else if (p === label) fp++;
      else if (t === label) fn++;
    });
    sum += tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
  }
  return labels.length === 0 ? 0 : sum / labels.length;
}

export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/** Predicts every item, timing each call; the latencies are of prediction alone. */
function timed<T>(items: readonly T[], predict: (item: T) => string): { predicted: string[]; p50Ms: number; p99Ms: number } {
  const latencies: number[] = [];
  const predicted = items.map((item) => {
    const t0 = performance.now();
    const label = predict(item);
    latencies.push(performance.now() - t0);
    return label;
  });
  latencies.sort((a, b) => a - b);
  return { predicted, p50Ms: percentile(latencies, 0.5), p99Ms: percentile(latencies, 0.99) };
}

function accuracyOf(truth: readonly string[], predicted: readonly string[]): number {
  return truth.length === 0 ? 0 : truth.filter((t, i) => t === predicted[i]).length / truth.length;
}

export function evaluateIntent(train: LabelledText[], test: LabelledText[], options: { oosLabel?: string } = {}): EvalResult {
  const oosLabel = options.oosLabel;
  const isOos = (r: LabelledText) => oosLabel !== undefined && String(r.label) === oosLabel;
  const t0 = performance.now();
  const model = trainIntentModel(train.filter((r) => !isOos(r)), { outOfScopeExamples: train.filter(isOos).map((r) => r.text) });
  const trainSeconds = (performance.now() - t0) / 1000;
  const truth = test.map((r) => (isOos(r) ? OOS : String(r.label)));
  // without an out-of-scope label every test row is in scope: score the best intent, not the refusal
  const run = timed(test, (r) => {
    const p = model.classify(r.text, 1);
    return (oosLabel === undefined ? p.candidates[0]?.intent : p.intent) ?? OOS;
  });
  const predicted = run.predicted;
  const result: EvalResult = { accuracy: accuracyOf(truth, predicted), macroF1: macroF1(truth, predicted), trainSeconds, p50Ms: run.p50Ms, p99Ms: run.p99Ms };
  if (oosLabel !== undefined) {
    const inScope = truth.map((t, i) => [t, predicted[i] ?? OOS] as const).filter(([t]) => t !== OOS);
    const outside = truth.map((t, i) => [t, predicted[i] ?? OOS] as const).filter(([t]) => t === OOS);
    result.inScopeAccuracy = inScope.length ? inScope.filter(([t, p]) => t === p).length / inScope.length : 0;
    result.oosRecall = outside.length ? outside.filter(([, p]) => p === OOS).length / outside.length : 0;
  }
  return result;
}

export function evaluateSentiment(train: LabelledText[], test: LabelledText[]): EvalResult {
  const t0 = performance.now();
  const model = trainSentiment(train);
  const trainSeconds = (performance.now() - t0) / 1000;
  const truth = test.map((r) => String(r.label));
  const run = timed(test, (r) => model.predict(r.text).label);
  return { accuracy: accuracyOf(truth, run.predicted), macroF1: macroF1(truth, run.predicted), trainSeconds, p50Ms: run.p50Ms, p99Ms: run.p99Ms };
}

export function evaluatePairs(train: TextPair[], test: TextPair[]): EvalResult {
  const t0 = performance.now();
  const scorer = trainPairScorer(train);
  const trainSeconds = (performance.now() - t0) / 1000;
  const truth = test.map((r) => String(r.label));
  const run = timed(test, (r) => (scorer.same(r.a, r.b) ? '1' : '0'));
  return { accuracy: accuracyOf(truth, run.predicted), macroF1: macroF1(truth, run.predicted), trainSeconds, p50Ms: run.p50Ms, p99Ms: run.p99Ms };
}
