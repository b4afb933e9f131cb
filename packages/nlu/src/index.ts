// The public face of the language engine: pure functions and serializable models, no I/O.
export { normalize } from './normalize.ts';
export { detectLanguage, type Language } from './language.ts';
export { tokenize } from './tokenize.ts';
export { serviceWords } from './segmenter.ts';
export { extractFeatures, defaultFeatureConfig, type FeatureBag, type FeatureConfig } from './features.ts';
export {
  trainIntentModel, INTENT_MODEL_VERSION, intentFeatures,
  type LabelledText, type IntentModel, type IntentPrediction, type IntentCandidate, type IntentStats, type IntentTrainingOptions,
} from './intentModel.ts';
export { serializeIntentModel, loadIntentModel } from './intentCodec.ts';
export { buildKnowledgeIndex, type KnowledgeDoc, type KnowledgeHit, type KnowledgeIndex } from './knowledgeIndex.ts';
export {
  trainFaqMatcher, serializeFaqMatcher, loadFaqMatcher, loadFaqMatcherInSlices, FAQ_MODEL_VERSION,
  type FaqMatch, type FaqCandidate, type FaqMatcher, type FaqStats, type FaqTrainingOptions,
} from './faqMatcher.ts';
export {
  trainPairScorer, serializePairScorer, loadPairScorer, PAIR_MODEL_VERSION,
  type TextPair, type PairScorer, type PairStats, type PairTrainingOptions,
} from './pairScorer.ts';
export {
  trainSentiment, serializeSentimentModel, loadSentimentModel, SENTIMENT_MODEL_VERSION,
  type SentimentModel, type SentimentPrediction, type SentimentStats, type SentimentTrainingOptions,
} from './sentiment.ts';
export { analyzeEmotion, isEmotionRisingSharply, type Emotion, type EmotionLevel } from './emotion.ts';
export type { EmotionCategory } from './emotionLexicon.ts';
export { extractEntities, defaultOrderNumberPattern, type Entity, type EntityType, type EntityOptions } from './entities.ts';
export { isValidIdCard, isValidBankCard } from './checksums.ts';
export { redactPii } from './redaction.ts';
export { evaluateIntent, evaluateSentiment, evaluatePairs, macroF1, type EvalResult } from './evaluation.ts';
