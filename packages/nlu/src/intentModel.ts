import { fitTemperature, scopeSignals, tuneScopeThresholds, type HeldOut, type ScopeThresholds } from './calibration.ts';
import { emitFeatureHashes, extractFeatures, type FeatureBag, type FeatureConfig } from './features.ts';
import { seededRandom, shuffled } from './seededRandom.ts';
import { createSpeller } from './spelling.ts';
import { defaultSoftmaxTraining, linearScores, linearScoresOf, softmaxInPlace, trainSoftmax, type LinearWeights } from './softmaxRegression.ts';
import { defaultMlpTraining, mlpScoresOf, trainSparseMlp, type MlpTraining, type SparseMlp } from './sparseMlp.ts';
import { fitVocabulary, vectorize, vectorizeHashes, vectorScratch, type SparseVector, type Vocabulary } from './vectorizer.ts';

export type LabelledText = { text: string; label: string | number };
export type IntentCandidate = { intent: string; score: number };
export type IntentPrediction = { intent: string | null; confidence: number; outOfScope: boolean; candidates: IntentCandidate[] };

export type IntentStats = {
  examples: number;
  labels: number;
  features: number;
  trainMs: number;
  createdAt: string | null;
  /** temperature of the regression, whose signals decide out-of-scope */
  temperature: number;
  /** temperature of the ensemble's averaged logits, whose probabilities rank the intents (= temperature without a network) */
  ensembleTemperature: number;
  thresholds: ScopeThresholds;
  /** examples of the background (out-of-scope) class the model learned, 0 when none */
  backgroundExamples: number;
};

export type IntentTrainingOptions = {
  seed?: number;
  epochs?: number;
  /** stamped into the stats as given; training never reads the clock for it */
  createdAt?: string;
  /** texts known to be out of scope: learned as a background class and used to tune the thresholds */
  outOfScopeExamples?: readonly string[];
  /** share of correctly answered in-scope examples the out-of-scope rule may reject (default 1%) */
  rejectionBudget?: number;
  /** clock for trainMs only; defaults to performance.now */
  now?: () => number;
  /** which n-grams to extract; defaults to intentFeatures */
  features?: FeatureConfig;
  /** average the logistic regression with a small network over the same features (default true) */
  ensemble?: boolean;
  /** the network's size and training (hidden units, epochs, learning rate) */
  mlp?: Partial<MlpTraining>;
};

export interface IntentModel {
  readonly version: string;
  readonly stats: IntentStats;
  classify(text: string, k?: number): IntentPrediction;
  labels(): string[];
}

// 2: features hashed to 30 bits; models of version 1 would load but see different features
// 3: the feature configuration travels with the model (version 2 implies the one it was trained with)
// 4: the configuration may ask for typo tolerance (respell); version 3 models load without it, as trained
export const INTENT_MODEL_VERSION = 'lingxi-intent/4';

/**
 * Short queries generalize better from short character n-grams: English 2–3-grams and Chinese
 * 1–2-grams beat 2–5 and 1–4 on held-out parts of the BANKING77, HWU64 and SMP2019 training
 * files (and make a query a third cheaper). Long reviews (sentiment) keep the longer ones.
 */
export const intentFeatures: FeatureConfig = { zhChars: [1, 2], enChars: [2, 3], wordBigrams: true, respell: true };

/** The trained parts of an intent model, as saved and loaded. */
export type IntentParts = {
  labelNames: string[];
  features: FeatureConfig;
  vocabulary: Vocabulary;
  weights: LinearWeights;
  /** the network averaged with the regression, null when trained without one */
  mlp: SparseMlp | null;
  stats: IntentStats;
};

/** Logits of the ensemble, into `mlpLogits`: the mean of the regression's and the network's (a product of their probabilities). */
function averageInto(logits: Float64Array, mlpLogits: Float64Array): Float64Array {
  for (let c = 0; c < mlpLogits.length; c++) mlpLogits[c] = 0.5 * (logits[c]! + mlpLogits[c]!);
  return mlpLogits;
}

export class IntentClassifier implements IntentModel {
  readonly version = INTENT_MODEL_VERSION;
  readonly stats: IntentStats;
  // reused by every classify call (synchronous, so never shared by two at once)
  private readonly query = vectorScratch();
  private readonly logits: Float64Array;
  private readonly mlpLogits: Float64Array;
  private readonly hidden: Float64Array;
  private readonly respelled = vectorScratch();
  private readonly spotTypos: ((word: string) => string) | undefined;
  private readonly respell: ((word: string) => string) | undefined;
  private typos = 0;
  constructor(readonly parts: IntentParts) {
    this.stats = parts.stats;
    const respell = parts.features.respell ? createSpeller(parts.vocabulary, parts.features.enChars[0]) : undefined;
    this.respell = respell;
    // the first pass keeps every word as written and only counts the ones a respelling would change
    this.spotTypos = respell ? (word) => { if (respell(word) !== word) this.typos++; return word; } : undefined;
    this.logits = new Float64Array(parts.weights.classes);
    this.mlpLogits = new Float64Array(parts.weights.classes);
    this.hidden = new Float64Array(parts.mlp?.hidden ?? 0);
  }

  labels(): string[] {
    return this.parts.labelNames.slice();
  }

  /** The query as the model sees it: tf-idf over the model's vocabulary. */
  vectorOf(text: string): SparseVector {
    return vectorize(extractFeatures(text, this.parts.features), this.parts.vocabulary);
  }

  classify(text: string, k = 3): IntentPrediction {
    const { labelNames, weights, mlp, stats, features, vocabulary } = this.parts;
    this.typos = 0;
    const x = vectorizeHashes(emitFeatureHashes(text, features, this.spotTypos), vocabulary, this.query);
    // the regression alone decides out-of-scope: its signals keep their meaning from the calibration
    // model to the final one, the network's confidence does not (it grows with the data it saw).
    // It reads the words as written: respelled, off-topic words turn into known ones (a held-out
    // split of BANKING77 train with HWU64 rows as off-topic lost 4.6 points of recall that way)
    let logits = linearScoresOf(weights, x.index, x.value, x.length, this.logits);
    const signals = scopeSignals(logits, stats.temperature, labelNames.length);
    const outOfScope = x.length === 0 || signals.top >= labelNames.length
      || signals.maxProb < stats.thresholds.maxProb || signals.energy < stats.thresholds.energy;
    // the ranking reads a typo as the known word one edit away
    const r = this.typos > 0 && this.respell ? vectorizeHashes(emitFeatureHashes(text, features, this.respell), vocabulary, this.respelled) : x;
    if (r !== x) logits = linearScoresOf(weights, r.index, r.value, r.length, this.logits);
    const probs = mlp
      ? softmaxInPlace(averageInto(logits, mlpScoresOf(mlp, r.index, r.value, r.length, this.hidden, this.mlpLogits)), stats.ensembleTemperature)
      : softmaxInPlace(logits, stats.temperature);
    const candidates = topIntents(labelNames, probs, k);
    const best = candidates[0];
    return { intent: outOfScope || !best ? null : best.intent, confidence: x.length === 0 || !best ? 0 : best.score, outOfScope, candidates };
  }
}

/** The k most probable intents by insertion into a short sorted list: no full sort per query. */
function topIntents(labelNames: readonly string[], probs: Float64Array, k: number): IntentCandidate[] {
  const top: IntentCandidate[] = [];
  for (let c = 0; c < labelNames.length; c++) {
    const score = probs[c] ?? 0;
    if (top.length === k && score <= (top[k - 1]?.score ?? 0)) continue;
    let at = top.length;
    while (at > 0 && (top[at - 1]?.score ?? 0) < score) at--;
    top.splice(at, 0, { intent: labelNames[c] ?? '', score });
    if (top.length > k) top.pop();
  }
  return top;
}

type Fitted = { vocabulary: Vocabulary; weights: LinearWeights; mlp: SparseMlp | null };

function fit(bags: readonly FeatureBag[], classes: Int32Array, classCount: number, seed: number, epochs: number, ensemble: Partial<MlpTraining> | null): Fitted {
  const vocabulary = fitVocabulary(bags);
  const xs = bags.map((b) => vectorize(b, vocabulary));
  const features = vocabulary.hashes.length;
  const weights = trainSoftmax(xs, classes, classCount, features, { ...defaultSoftmaxTraining, seed, epochs });
  const mlp = ensemble ? trainSparseMlp(xs, classes, classCount, features, { ...defaultMlpTraining, seed: seed + 6, epochs, ...ensemble }) : null;
  return { vocabulary, weights, mlp };
}

/**
 * Holds out a fifth of the labels (as stand-ins for unseen topics) and a fifth of the rest's
 * examples, trains on what is left, and fits temperature and out-of-scope thresholds there.
 */
function calibrate(bags: readonly FeatureBag[], classes: Int32Array, labelCount: number, background: readonly FeatureBag[], seed: number, epochs: number, budget: number, ensemble: Partial<MlpTraining> | null): { temperature: number; ensembleTemperature: number; thresholds: ScopeThresholds } {
  const random = seededRandom(seed + 1);
  const heldLabels = new Set(shuffled([...Array(labelCount).keys()], random).slice(0, Math.floor(labelCount / 5)));
  const kept = [...Array(labelCount).keys()].filter((c) => !heldLabels.has(c));
  const remap = new Map(kept.map((c, i) => [c, i]));
  const trainBags: FeatureBag[] = [];
  const trainClasses: number[] = [];
  const devBags: FeatureBag[] = [];
  const devTruth: number[] = [];
  const seen = new Map<number, number>();
  bags.forEach((bag, i) => {
    const c = classes[i] ?? 0;
    const local = remap.get(c);
    if (local === undefined) { devBags.push(bag); devTruth.push(-1); return; }
    const n = (seen.get(c) ?? 0) + 1;
    seen.set(c, n);
    // every fifth example of a label is held out, the first always trains
    if (n % 5 === 0) { devBags.push(bag); devTruth.push(local); } else { trainBags.push(bag); trainClasses.push(local); }
  });
  const half = Math.ceil(background.length / 2);
  background.forEach((bag, i) => {
    if (i < half) { trainBags.push(bag); trainClasses.push(kept.length); } else { devBags.push(bag); devTruth.push(-1); }
  });
  const classCount = kept.length + (half > 0 ? 1 : 0);
  const model = fit(trainBags, Int32Array.from(trainClasses), classCount, seed, epochs, ensemble);
  const heldOut: HeldOut[] = [];
  const heldOutEnsemble: HeldOut[] = [];
  devBags.forEach((bag, i) => {
    const x = vectorize(bag, model.vocabulary);
    const truth = devTruth[i] ?? -1;
    const logits = linearScores(model.weights, x);
    heldOut.push({ logits, truth });
    if (model.mlp) heldOutEnsemble.push({ logits: averageInto(logits, mlpScoresOf(model.mlp, x.index, x.value, x.index.length, new Float64Array(model.mlp.hidden), new Float64Array(classCount))), truth });
  });
  const temperature = fitTemperature(heldOut);
  const ensembleTemperature = model.mlp ? fitTemperature(heldOutEnsemble) : temperature;
  return { temperature, ensembleTemperature, thresholds: tuneScopeThresholds(heldOut, temperature, kept.length, budget) };
}

// Below this the held-out splits are too small to tune anything: fall back to fixed rules.
const MIN_EXAMPLES_TO_TUNE = 40;
const MIN_LABELS_TO_TUNE = 5;
const DEFAULT_THRESHOLDS: ScopeThresholds = { maxProb: 0.25, energy: -Infinity };

export function trainIntentModel(examples: readonly LabelledText[], options: IntentTrainingOptions = {}): IntentModel {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const seed = options.seed ?? 7;
  // small knowledge bases get more passes: they are cheap and otherwise stay under-fitted
  const epochs = options.epochs ?? Math.min(40, Math.max(6, Math.ceil(4000 / Math.max(1, examples.length))));
  const labelNames = [...new Set(examples.map((e) => String(e.label)))].sort();
  const index = new Map(labelNames.map((l, i) => [l, i]));
  // features are extracted once and shared by the calibration model and the final one
  const features = options.features ?? intentFeatures;
  const ensemble = options.ensemble ?? true ? options.mlp ?? {} : null;
  const bags = examples.map((e) => extractFeatures(e.text, features));
  const classes = Int32Array.from(examples, (e) => index.get(String(e.label)) ?? 0);
  const background = (options.outOfScopeExamples ?? []).map((t) => extractFeatures(t, features));
  const tunable = examples.length >= MIN_EXAMPLES_TO_TUNE && labelNames.length >= MIN_LABELS_TO_TUNE;
  const { temperature, ensembleTemperature, thresholds } = tunable
    ? calibrate(bags, classes, labelNames.length, background, seed, epochs, options.rejectionBudget ?? 0.01, ensemble)
    : { temperature: 1, ensembleTemperature: 1, thresholds: DEFAULT_THRESHOLDS };
  const allBags = bags.concat(background);
  const allClasses = Int32Array.from([...classes, ...background.map(() => labelNames.length)]);
  const { vocabulary, weights, mlp } = fit(allBags, allClasses, labelNames.length + (background.length > 0 ? 1 : 0), seed, epochs, ensemble);
  const stats: IntentStats = {
    examples: examples.length, labels: labelNames.length, features: vocabulary.hashes.length,
    trainMs: Math.round(now() - started), createdAt: options.createdAt ?? null,
    temperature, ensembleTemperature: mlp ? ensembleTemperature : temperature, thresholds, backgroundExamples: background.length,
  };
  return new IntentClassifier({ labelNames, features, vocabulary, weights, mlp, stats });
}
