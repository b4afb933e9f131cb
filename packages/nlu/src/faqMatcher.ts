import { packIntent, unpackIntent } from './intentCodec.ts';
import { trainIntentModel, type IntentModel, type IntentTrainingOptions } from './intentModel.ts';
import { defaultFeatureConfig, extractFeatures, type FeatureBag } from './features.ts';
import { buildKnowledgeIndex, retrievalTerms, type KnowledgeDoc, type KnowledgeIndex } from './knowledgeIndex.ts';
import { packModel, unpackModel } from './modelBytes.ts';
import { offTopicExamples } from './offTopic.ts';
import { QuestionSpace } from './questionSpace.ts';
import { seededRandom, shuffled } from './seededRandom.ts';

export type FaqCandidate = { entryId: string; score: number; question: string };
export type FaqMatch = { entryId: string | null; confidence: number; outOfScope: boolean; candidates: FaqCandidate[] };
export type FaqStats = {
  entries: number; questions: number; trainMs: number; createdAt: string | null;
  /** fused score below which a query is out of scope: tuned on held-out entries, or the default */
  minConfidence: number;
  intent: IntentModel['stats'] | null;
};
export interface FaqMatcher {
  match(query: string, k?: number): FaqMatch;
  readonly stats: FaqStats;
}
export type FaqTrainingOptions = Pick<IntentTrainingOptions, 'seed' | 'epochs' | 'createdAt' | 'now'> & {
  /** more known off-topic texts of this workspace, added to the built-in ones */
  outOfScopeExamples?: readonly string[];
};

// 3: the embedded classifier is an intent model of version 3 (its feature configuration travels with it)
export const FAQ_MODEL_VERSION = 'lingxi-faq/3';
const READABLE_FAQ_VERSIONS = new Set(['lingxi-faq/2', FAQ_MODEL_VERSION]);

// A softmax over entries learns what tells entries apart, but its cost grows with entries ×
// questions; above this many entries nearest questions and BM25 carry the match alone.
const CLASSIFIER_MAX_ENTRIES = 150;
const DEFAULT_MIN_CONFIDENCE = 0.3;
const STRONG_RETRIEVAL = 0.6;
// Below this many entries the held-out questions are too few to place a cut.
const MIN_ENTRIES_TO_TUNE = 20;
const REJECTION_BUDGET = 0.05;
const BACKGROUND = '';

type Parts = { docs: readonly KnowledgeDoc[]; offTopic: readonly string[]; classifier: IntentModel | null; stats: FaqStats };

/** Per-training caches: the probe and the final matcher see the same texts, so each is analysed once. */
type TextAnalysis = { featuresOf: (text: string) => FeatureBag; termsOf: (text: string) => Map<number, number> };

function memoized<T>(analyse: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    let value = seen.get(text);
    if (value === undefined) { value = analyse(text); seen.set(text, value); }
    return value;
  };
}

class FusedMatcher implements FaqMatcher {
  readonly stats: FaqStats;
  private readonly index: KnowledgeIndex;
  private readonly space: QuestionSpace;
  private readonly firstQuestion: Map<string, string>;
  constructor(readonly parts: Parts, analysis?: TextAnalysis) {
    this.stats = parts.stats;
    this.index = buildKnowledgeIndex(parts.docs, analysis?.termsOf);
    this.space = new QuestionSpace([
      ...parts.docs.flatMap((d) => d.questions.map((text) => ({ entryId: d.id, text }))),
      ...parts.offTopic.map((text) => ({ entryId: BACKGROUND, text })),
    ], analysis?.featuresOf);
    this.firstQuestion = new Map(parts.docs.map((d) => [d.id, d.questions[0] ?? '']));
  }

  match(query: string, k = 3): FaqMatch {
    const width = Math.max(k, 5);
    const { classifier } = this.parts;
    // weights of the classifier, BM25 and nearest question in the fused score
    const [wc, wr, wn] = classifier ? [0.4, 0.3, 0.3] : [0, 0.5, 0.5];
    const fused = new Map<string, FaqCandidate>();
    const add = (entryId: string, score: number, question: string) => {
      const prior = fused.get(entryId);
      fused.set(entryId, { entryId, score: (prior?.score ?? 0) + score, question: prior?.question || question });
    };
    const neighbours = this.space.nearest(query, width + 1);
    const hits = this.index.search(query, width);
    for (const h of hits) add(h.id, wr * h.score, h.matchedQuestion);
    for (const n of neighbours) if (n.entryId !== BACKGROUND) add(n.entryId, wn * n.similarity, n.question);
    const intent = classifier?.classify(query, width);
    for (const c of intent?.candidates ?? []) add(c.intent, wc * c.score, this.firstQuestion.get(c.intent) ?? '');
    const candidates = [...fused.values()].sort((a, b) => b.score - a.score || (a.entryId < b.entryId ? -1 : 1)).slice(0, k);
    const best = candidates[0];
    const retrieval = hits[0]?.score ?? 0;
    const nearestIsOffTopic = neighbours[0]?.entryId === BACKGROUND;
    // a refusal (classifier's, or the nearest question being off-topic) stands unless the wording matches an entry strongly
    const refused = (intent?.outOfScope ?? false) || nearestIsOffTopic;
    const outOfScope = !best || best.score < this.stats.minConfidence || (refused && retrieval < STRONG_RETRIEVAL);
    return { entryId: outOfScope || !best ? null : best.entryId, confidence: best?.score ?? 0, outOfScope, candidates };
  }
}

function build(docs: readonly KnowledgeDoc[], offTopic: readonly string[], options: FaqTrainingOptions, minConfidence: number, analysis: TextAnalysis): FusedMatcher {
  const examples = docs.flatMap((d) => d.questions.map((text) => ({ text, label: d.id })));
  // the entry classifier keeps the longer n-grams the question space uses and no network: with
  // a handful of questions per entry, ~70 off-topic texts outweigh them under the short n-grams
  // of intentFeatures, and a network has too little to learn from
  const classifier = docs.length <= CLASSIFIER_MAX_ENTRIES
    ? trainIntentModel(examples, { features: defaultFeatureConfig, ensemble: false, ...options, outOfScopeExamples: offTopic })
    : null;
  const stats: FaqStats = { entries: docs.length, questions: examples.length, trainMs: 0, createdAt: options.createdAt ?? null, minConfidence, intent: classifier?.stats ?? null };
  return new FusedMatcher({ docs, offTopic, classifier, stats }, analysis);
}

/**
 * The out-of-scope cut, learned from the knowledge base itself: the last question of each
 * entry (up to 500) is held out, the rest trained on, and the cut rejects at most 5% of the
 * held-out questions: some real questions go to a person, most off-topic ones do not get an answer.
 */
function tuneMinConfidence(docs: readonly KnowledgeDoc[], offTopic: readonly string[], options: FaqTrainingOptions, analysis: TextAnalysis): number {
  const order = shuffled(docs.map((_, i) => i), seededRandom((options.seed ?? 7) + 2));
  const probing = new Set(order.slice(0, 500));
  const known: string[] = [];
  const kept = docs.map((d, i) => {
    if (d.questions.length < 2 || !probing.has(i)) return d;
    known.push(d.questions[d.questions.length - 1] ?? '');
    return { ...d, questions: d.questions.slice(0, -1) };
  });
  if (known.length < 10) return DEFAULT_MIN_CONFIDENCE;
  const probe = build(kept, offTopic, options, 0, analysis);
  const scores = known.map((q) => probe.match(q, 1).confidence).sort((a, b) => a - b);
  const cut = scores[Math.floor(REJECTION_BUDGET * scores.length)] ?? DEFAULT_MIN_CONFIDENCE;
  return Math.min(0.6, Math.max(0.1, cut));
}

/** Learns every entry's questions (intent = entry id) and indexes questions and answers. */
export function trainFaqMatcher(docs: readonly KnowledgeDoc[], options: FaqTrainingOptions = {}): FaqMatcher {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const offTopic = [...offTopicExamples, ...(options.outOfScopeExamples ?? [])];
  const analysis: TextAnalysis = { featuresOf: memoized(extractFeatures), termsOf: memoized(retrievalTerms) };
  const minConfidence = docs.length >= MIN_ENTRIES_TO_TUNE ? tuneMinConfidence(docs, offTopic, options, analysis) : DEFAULT_MIN_CONFIDENCE;
  const matcher = build(docs, offTopic, options, minConfidence, analysis);
  matcher.stats.trainMs = Math.round(now() - started); // indexing and tuning are part of training
  return matcher;
}

export function serializeFaqMatcher(matcher: FaqMatcher): Uint8Array {
  if (!(matcher instanceof FusedMatcher)) throw new Error('Only matchers made by trainFaqMatcher or loadFaqMatcher can be serialized.');
  const { docs, offTopic, classifier, stats } = matcher.parts;
  const intent = classifier ? packIntent(classifier) : null;
  return packModel({ kind: 'faq', version: FAQ_MODEL_VERSION, docs, offTopic, stats: { ...stats, intent: null }, intent: intent?.meta ?? null }, intent?.arrays ?? {});
}

function unpackFaq(bytes: Uint8Array): Parts {
  const { meta, arrays } = unpackModel(bytes);
  if (meta.kind !== 'faq' || !READABLE_FAQ_VERSIONS.has(String(meta.version))) throw new Error(`Not a FAQ matcher of version ${FAQ_MODEL_VERSION} or lingxi-faq/2 (got ${String(meta.kind)} ${String(meta.version)}).`);
  const classifier = meta.intent ? unpackIntent({ meta: meta.intent as Record<string, unknown>, arrays }) : null;
  const stats: FaqStats = { ...(meta.stats as FaqStats), intent: classifier?.stats ?? null };
  return { docs: meta.docs as KnowledgeDoc[], offTopic: meta.offTopic as string[], classifier, stats };
}

export function loadFaqMatcher(bytes: Uint8Array): FaqMatcher {
  return new FusedMatcher(unpackFaq(bytes));
}

/**
 * The same matcher as loadFaqMatcher, but the texts are analysed (segmentation, features: nearly all
 * of the work) in slices of about `sliceMs`, awaiting `pause` between them: a server keeps answering
 * with its old model while a large one loads, instead of stalling for the seconds 10k entries take.
 */
export async function loadFaqMatcherInSlices(bytes: Uint8Array, options: { sliceMs?: number; pause?: () => Promise<void>; now?: () => number } = {}): Promise<FaqMatcher> {
  const sliceMs = options.sliceMs ?? 10;
  const pause = options.pause ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const now = options.now ?? (() => performance.now());
  const parts = unpackFaq(bytes);
  const analysis: TextAnalysis = { featuresOf: memoized(extractFeatures), termsOf: memoized(retrievalTerms) };
  const work: Array<() => unknown> = [];
  for (const d of parts.docs) {
    for (const q of d.questions) work.push(() => analysis.termsOf(q), () => analysis.featuresOf(q));
    if (d.answer) work.push(() => analysis.termsOf(d.answer));
  }
  for (const t of parts.offTopic) work.push(() => analysis.featuresOf(t));
  let sliceStart = now();
  for (const step of work) {
    step();
    if (now() - sliceStart >= sliceMs) {
      await pause();
      sliceStart = now();
    }
  }
  return new FusedMatcher(parts, analysis);
}
