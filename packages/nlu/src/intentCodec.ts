import type { FeatureConfig } from './features.ts';
import { IntentClassifier, INTENT_MODEL_VERSION, type IntentModel, type IntentStats } from './intentModel.ts';
import { packModel, unpackModel, type ModelArray } from './modelBytes.ts';
import { vocabularyOf } from './vectorizer.ts';

type Packed = { meta: Record<string, unknown>; arrays: Record<string, ModelArray> };

// JSON has no -Infinity: an absent energy threshold travels as null.
const finiteOrNull = (n: number) => (Number.isFinite(n) ? n : null);

export function packIntent(model: IntentModel): Packed {
  if (!(model instanceof IntentClassifier)) throw new Error('Only models made by trainIntentModel or loadIntentModel can be serialized.');
  const { labelNames, features, vocabulary, weights, mlp, stats } = model.parts;
  const arrays: Record<string, ModelArray> = { hashes: vocabulary.hashes, idf: vocabulary.idf, weights: weights.weights, bias: weights.bias };
  if (mlp) Object.assign(arrays, { mlpEmbed: mlp.embed, mlpHiddenBias: mlp.hiddenBias, mlpOut: mlp.out, mlpOutBias: mlp.outBias });
  return {
    meta: {
      kind: 'intent', version: model.version, labelNames, classes: weights.classes, features, mlpHidden: mlp?.hidden ?? 0,
      stats: { ...stats, thresholds: { maxProb: stats.thresholds.maxProb, energy: finiteOrNull(stats.thresholds.energy) } },
    },
    arrays,
  };
}

// version 3 differs from 4 only in that its configuration never asks for respelling
const READABLE_INTENT_VERSIONS = new Set(['lingxi-intent/2', 'lingxi-intent/3', INTENT_MODEL_VERSION]);

// Version 2 models carry no feature configuration: they were all trained with this one.
const VERSION_2_FEATURES: FeatureConfig = { zhChars: [1, 4], enChars: [2, 5], wordBigrams: true };

export function unpackIntent({ meta, arrays }: Packed): IntentModel {
  const legacy = meta.version === 'lingxi-intent/2';
  if (meta.kind !== 'intent' || !READABLE_INTENT_VERSIONS.has(String(meta.version))) {
    throw new Error(`Not an intent model of version ${INTENT_MODEL_VERSION}, lingxi-intent/3 or lingxi-intent/2 (got ${String(meta.kind)} ${String(meta.version)}).`);
  }
  const raw = meta.stats as IntentStats & { thresholds: { maxProb: number; energy: number | null } };
  const stats: IntentStats = { ...raw, ensembleTemperature: raw.ensembleTemperature ?? raw.temperature, thresholds: { maxProb: raw.thresholds.maxProb, energy: raw.thresholds.energy ?? -Infinity } };
  const hashes = arrays.hashes as Uint32Array;
  const classes = meta.classes as number;
  const hidden = legacy ? 0 : (meta.mlpHidden as number);
  const mlp = hidden > 0 ? {
    classes, features: hashes.length, hidden, embed: arrays.mlpEmbed as Float32Array, hiddenBias: arrays.mlpHiddenBias as Float32Array,
    out: arrays.mlpOut as Float32Array, outBias: arrays.mlpOutBias as Float32Array,
  } : null;
  return new IntentClassifier({
    labelNames: meta.labelNames as string[],
    features: legacy ? VERSION_2_FEATURES : (meta.features as FeatureConfig),
    vocabulary: vocabularyOf(hashes, arrays.idf as Float32Array),
    weights: { classes, features: hashes.length, weights: arrays.weights as Float32Array, bias: arrays.bias as Float32Array },
    mlp,
    stats,
  });
}

export function serializeIntentModel(model: IntentModel): Uint8Array {
  const { meta, arrays } = packIntent(model);
  return packModel(meta, arrays);
}

export function loadIntentModel(bytes: Uint8Array): IntentModel {
  return unpackIntent(unpackModel(bytes));
}
