import { packIntent, unpackIntent } from './intentCodec.ts';
import { trainIntentModel, type IntentModel, type IntentTrainingOptions } from './intentModel.ts';
import { buildKnowledgeIndex, type KnowledgeDoc, type KnowledgeIndex } from './knowledgeIndex.ts';
import { packModel, unpackModel } from './modelBytes.ts';
import { offTopicExamples } from './offTopic.ts';

export type FaqCandidate = { entryId: string; score: number; question: string };
export type FaqMatch = { entryId: string | null; confidence: number; outOfScope: boolean; candidates: FaqCandidate[] };
export type FaqStats = { entries: number; questions: number; trainMs: number; createdAt: string | null; intent: IntentModel['stats'] };
export interface FaqMatcher {
  match(query: string, k?: number): FaqMatch;
  readonly stats: FaqStats;
}
export type FaqTrainingOptions = Pick<IntentTrainingOptions, 'seed' | 'epochs' | 'createdAt' | 'now'> & {
  /** more known off-topic texts of this workspace, added to the built-in ones */
  outOfScopeExamples?: readonly string[];
};

export const FAQ_MODEL_VERSION = 'lingxi-faq/1';

// The classifier knows how entries differ; retrieval knows how close the wording is. Each alone
// is fooled: the classifier by few examples per entry, retrieval by shared filler words.
const CLASSIFIER_WEIGHT = 0.5;
const MIN_CONFIDENCE = 0.3;
const STRONG_RETRIEVAL = 0.6;

class FusedMatcher implements FaqMatcher {
  readonly stats: FaqStats;
  private readonly index: KnowledgeIndex;
  private readonly questions: Map<string, string>;
  constructor(readonly docs: readonly KnowledgeDoc[], readonly classifier: IntentModel, stats: FaqStats) {
    this.stats = stats;
    this.index = buildKnowledgeIndex(docs);
    this.questions = new Map(docs.map((d) => [d.id, d.questions[0] ?? '']));
  }

  match(query: string, k = 3): FaqMatch {
    const width = Math.max(k, 5);
    const intent = this.classifier.classify(query, width);
    const hits = this.index.search(query, width);
    const fused = new Map<string, FaqCandidate>();
    for (const c of intent.candidates) fused.set(c.intent, { entryId: c.intent, score: CLASSIFIER_WEIGHT * c.score, question: this.questions.get(c.intent) ?? '' });
    for (const h of hits) {
      const prior = fused.get(h.id);
      fused.set(h.id, { entryId: h.id, score: (prior?.score ?? 0) + (1 - CLASSIFIER_WEIGHT) * h.score, question: h.matchedQuestion || prior?.question || '' });
    }
    const candidates = [...fused.values()].sort((a, b) => b.score - a.score || (a.entryId < b.entryId ? -1 : 1)).slice(0, k);
    const best = candidates[0];
    const retrieval = hits[0]?.score ?? 0;
    // the classifier's refusal stands unless the wording itself matches an entry strongly
    const outOfScope = !best || best.score < MIN_CONFIDENCE || (intent.outOfScope && retrieval < STRONG_RETRIEVAL);
    return { entryId: outOfScope || !best ? null : best.entryId, confidence: best?.score ?? 0, outOfScope, candidates };
  }
}

/** Trains the classifier on every entry's questions (intent = entry id) and indexes questions and answers. */
export function trainFaqMatcher(docs: readonly KnowledgeDoc[], options: FaqTrainingOptions = {}): FaqMatcher {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const examples = docs.flatMap((d) => d.questions.map((text) => ({ text, label: d.id })));
  const classifier = trainIntentModel(examples, {
    ...options,
    outOfScopeExamples: [...offTopicExamples, ...(options.outOfScopeExamples ?? [])],
  });
  const stats: FaqStats = {
    entries: docs.length, questions: examples.length, trainMs: Math.round(now() - started),
    createdAt: options.createdAt ?? null, intent: classifier.stats,
  };
  return new FusedMatcher(docs, classifier, stats);
}

export function serializeFaqMatcher(matcher: FaqMatcher): Uint8Array {
  if (!(matcher instanceof FusedMatcher)) throw new Error('Only matchers made by trainFaqMatcher or loadFaqMatcher can be serialized.');
  const intent = packIntent(matcher.classifier);
  return packModel({ kind: 'faq', version: FAQ_MODEL_VERSION, docs: matcher.docs, stats: matcher.stats, intent: intent.meta }, intent.arrays);
}

export function loadFaqMatcher(bytes: Uint8Array): FaqMatcher {
  const { meta, arrays } = unpackModel(bytes);
  if (meta.kind !== 'faq' || meta.version !== FAQ_MODEL_VERSION) throw new Error(`Not a FAQ matcher of version ${FAQ_MODEL_VERSION}.`);
  const classifier = unpackIntent({ meta: meta.intent as Record<string, unknown>, arrays });
  return new FusedMatcher(meta.docs as KnowledgeDoc[], classifier, { ...(meta.stats as FaqStats), intent: classifier.stats });
}
