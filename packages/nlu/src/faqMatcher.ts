import { packIntent, unpackIntent } from './intentCodec.ts';
import { trainIntentModel, type IntentModel, type IntentTrainingOptions } from './intentModel.ts';
import { defaultFeatureConfig, extractFeatures, type FeatureBag } from './features.ts';
import { buildKnowledgeIndex, knowledgeIndexArrays, restoreKnowledgeIndex, retrievalTerms, runToEnd, type KnowledgeDoc, type KnowledgeIndex, type KnowledgeIndexArrays } from './knowledgeIndex.ts';
import { packModel, unpackModel, type ModelArray } from './modelBytes.ts';
import { offTopicExamples } from './offTopic.ts';
import { buildQuestionSpace, restoreQuestionSpace, type QuestionSpace, type QuestionSpaceArrays, type SpacedQuestion } from './questionSpace.ts';
import { seededRandom, shuffled } from './seededRandom.ts';
import { withoutCourtesy } from './courtesy.ts';

export type FaqCandidate = { entryId: string; score: number; question: string };
export type FaqMatch = { entryId: string | null; confidence: number; outOfScope: boolean; candidates: FaqCandidate[] };
export type FaqStats = {
  entries: number; questions: number; trainMs: number; createdAt: string | null;
  /** fused score below which a query is out of scope: tuned on held-out entries, or the default */
  minConfidence: number;
  /**
   * share of a query's features the knowledge base's questions must know, tuned like minConfidence
   * (0 = no such rule: small bases and matchers of version 3 or older)
   */
  minCoverage: number;
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
// 4: stats carry minCoverage (older matchers load with 0: the rule off, as they were tuned without it)
// 5: the built BM25 index and question space travel as arrays (older matchers rebuild them from their texts on load)
export const FAQ_MODEL_VERSION = 'lingxi-faq/5';
const READABLE_FAQ_VERSIONS = new Set(['lingxi-faq/2', 'lingxi-faq/3', 'lingxi-faq/4', FAQ_MODEL_VERSION]);
const INDEX_ARRAYS = ['termHash', 'termStart', 'termUnitGaps', 'termTf'] as const;
// Entries travel as JSON in chunks of this many (UTF-8 arrays docs.00000 …), parsed one chunk a step: one 3 MB header would stall a sliced load.
const DOCS_CHUNK = 500;
const docsChunk = (c: number) => `docs.${String(c).padStart(5, '0')}`;

// A softmax over entries learns what tells entries apart, but its cost grows with entries ×
// questions; above this many entries nearest questions and BM25 carry the match alone.
const CLASSIFIER_MAX_ENTRIES = 150;
const DEFAULT_MIN_CONFIDENCE = 0.3;
const STRONG_RETRIEVAL = 0.6;
// Below this many entries the held-out questions are too few to place a cut.
const MIN_ENTRIES_TO_TUNE = 20;
const REJECTION_BUDGET = 0.05;
// Of that budget, the share spent on the coverage cut first (all of it): words and n-grams no
// question has tell an off-topic query apart better than the fused score (see docs/nlu.md)
const COVERAGE_BUDGET = 0.05;
const MAX_MIN_COVERAGE = 0.95;
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

/** The question space's questions: every entry's, then the off-topic texts (entry BACKGROUND). */
function spacedQuestions({ docs, offTopic }: Pick<Parts, 'docs' | 'offTopic'>): SpacedQuestion[] {
  return [...docs.flatMap((d) => d.questions.map((text) => ({ entryId: d.id, text }))), ...offTopic.map((text) => ({ entryId: BACKGROUND, text }))];
}

/** Builds the retrieval structures from the texts (training, and loading matchers of version 4 or older). */
function retrievalOf(parts: Parts, analysis?: TextAnalysis): Retrieval {
  return { index: buildKnowledgeIndex(parts.docs, analysis?.termsOf), space: buildQuestionSpace(spacedQuestions(parts), analysis?.featuresOf) };
}

type Retrieval = { index: KnowledgeIndex; space: QuestionSpace };

class FusedMatcher implements FaqMatcher {
  readonly stats: FaqStats;
  readonly index: KnowledgeIndex;
  readonly space: QuestionSpace;
  private readonly firstQuestion: Map<string, string>;
  constructor(readonly parts: Parts, { index, space }: Retrieval) {
    this.stats = parts.stats;
    this.index = index;
    this.space = space;
    this.firstQuestion = new Map(parts.docs.map((d) => [d.id, d.questions[0] ?? '']));
  }

  match(query: string, k = 3): FaqMatch {
    const { candidates, coverage, refused, retrieval } = this.score(query, k);
    const best = candidates[0];
    const outOfScope = !best || best.score < this.stats.minConfidence || coverage < this.stats.minCoverage || (refused && retrieval < STRONG_RETRIEVAL);
    return { entryId: outOfScope || !best ? null : best.entryId, confidence: best?.score ?? 0, outOfScope, candidates };
  }

  /** The two signals the out-of-scope cuts are tuned on. */
  probe(query: string): { confidence: number; coverage: number } {
    const { candidates, coverage } = this.score(query, 1);
    return { confidence: candidates[0]?.score ?? 0, coverage };
  }

  private score(query: string, k: number): { candidates: FaqCandidate[]; coverage: number; refused: boolean; retrieval: number } {
    const width = Math.max(k, 5);
    const { classifier } = this.parts;
    // weights of the classifier, BM25 and nearest question in the fused score
    const [wc, wr, wn] = classifier ? [0.4, 0.3, 0.3] : [0, 0.5, 0.5];
    const fused = new Map<string, FaqCandidate>();
    const add = (entryId: string, score: number, question: string) => {
      const prior = fused.get(entryId);
      fused.set(entryId, { entryId, score: (prior?.score ?? 0) + score, question: prior?.question || question });
    };
    const { neighbours, coverage: asWritten } = this.space.search(query, width + 1);
    // greetings and thanks around a question are not topics the questions could know
    const topical = withoutCourtesy(query);
    const coverage = topical === query ? asWritten : this.space.coverage(topical);
    const hits = this.index.search(query, width);
    for (const h of hits) add(h.id, wr * h.score, h.matchedQuestion);
    for (const n of neighbours) if (n.entryId !== BACKGROUND) add(n.entryId, wn * n.similarity, n.question);
    const intent = classifier?.classify(query, width);
    for (const c of intent?.candidates ?? []) add(c.intent, wc * c.score, this.firstQuestion.get(c.intent) ?? '');
    const candidates = [...fused.values()].sort((a, b) => b.score - a.score || (a.entryId < b.entryId ? -1 : 1)).slice(0, k);
    // a refusal (classifier's, or the nearest question being off-topic) stands unless the wording matches an entry strongly
    const refused = (intent?.outOfScope ?? false) || neighbours[0]?.entryId === BACKGROUND;
    return { candidates, coverage, refused, retrieval: hits[0]?.score ?? 0 };
  }
}

type Cuts = { minConfidence: number; minCoverage: number };
const DEFAULT_CUTS: Cuts = { minConfidence: DEFAULT_MIN_CONFIDENCE, minCoverage: 0 };

function build(docs: readonly KnowledgeDoc[], offTopic: readonly string[], options: FaqTrainingOptions, cuts: Cuts, analysis: TextAnalysis): FusedMatcher {
  const examples = docs.flatMap((d) => d.questions.map((text) => ({ text, label: d.id })));
  // the entry classifier keeps the longer n-grams the question space uses and no network: with
  // a handful of questions per entry, ~70 off-topic texts outweigh them under the short n-grams
  // of intentFeatures, and a network has too little to learn from
  const classifier = docs.length <= CLASSIFIER_MAX_ENTRIES
    ? trainIntentModel(examples, { features: defaultFeatureConfig, ensemble: false, ...options, outOfScopeExamples: offTopic })
    : null;
  const stats: FaqStats = { entries: docs.length, questions: examples.length, trainMs: 0, createdAt: options.createdAt ?? null, ...cuts, intent: classifier?.stats ?? null };
  const parts = { docs, offTopic, classifier, stats };
  return new FusedMatcher(parts, retrievalOf(parts, analysis));
}

/**
 * The out-of-scope cuts, learned from the knowledge base itself: the last question of each
 * entry (up to 500) is held out, the rest trained on; the coverage cut rejects at most 5% of the
 * held-out questions, the confidence cut whatever budget it left (none by default, so it stays at
 * its floor): some real questions go to a person, most off-topic ones do not get an answer.
 */
function tuneCuts(docs: readonly KnowledgeDoc[], offTopic: readonly string[], options: FaqTrainingOptions, analysis: TextAnalysis): Cuts {
  const order = shuffled(docs.map((_, i) => i), seededRandom((options.seed ?? 7) + 2));
  const probing = new Set(order.slice(0, 500));
  const known: string[] = [];
  const kept = docs.map((d, i) => {
    if (d.questions.length < 2 || !probing.has(i)) return d;
    known.push(d.questions[d.questions.length - 1] ?? '');
    return { ...d, questions: d.questions.slice(0, -1) };
  });
  if (known.length < 10) return DEFAULT_CUTS;
  const probe = build(kept, offTopic, options, { minConfidence: 0, minCoverage: 0 }, analysis);
  const held = known.map((q) => probe.probe(q));
  const coverages = held.map((h) => h.coverage).sort((a, b) => a - b);
  const minCoverage = Math.min(MAX_MIN_COVERAGE, coverages[Math.floor(COVERAGE_BUDGET * held.length)] ?? 0);
  // the confidence cut spends what the coverage cut left of the budget, on the questions it let through
  const survivors = held.filter((h) => h.coverage >= minCoverage).map((h) => h.confidence).sort((a, b) => a - b);
  const left = Math.max(0, Math.floor(REJECTION_BUDGET * held.length) - (held.length - survivors.length));
  const cut = survivors[Math.min(left, survivors.length - 1)] ?? DEFAULT_MIN_CONFIDENCE;
  return { minConfidence: Math.min(0.6, Math.max(0.1, cut)), minCoverage };
}

/** Learns every entry's questions (intent = entry id) and indexes questions and answers. */
export function trainFaqMatcher(docs: readonly KnowledgeDoc[], options: FaqTrainingOptions = {}): FaqMatcher {
  const now = options.now ?? (() => performance.now());
  const started = now();
  const offTopic = [...offTopicExamples, ...(options.outOfScopeExamples ?? [])];
  const analysis: TextAnalysis = { featuresOf: memoized(extractFeatures), termsOf: memoized(retrievalTerms) };
  const cuts = docs.length >= MIN_ENTRIES_TO_TUNE ? tuneCuts(docs, offTopic, options, analysis) : DEFAULT_CUTS;
  const matcher = build(docs, offTopic, options, cuts, analysis);
  matcher.stats.trainMs = Math.round(now() - started); // indexing and tuning are part of training
  return matcher;
}

export function serializeFaqMatcher(matcher: FaqMatcher): Uint8Array {
  if (!(matcher instanceof FusedMatcher)) throw new Error('Only matchers made by trainFaqMatcher or loadFaqMatcher can be serialized.');
  const { docs, offTopic, classifier, stats } = matcher.parts;
  const intent = classifier ? packIntent(classifier) : null;
  const arrays: Record<string, ModelArray> = { ...intent?.arrays };
  const index = knowledgeIndexArrays(matcher.index);
  for (const name of INDEX_ARRAYS) arrays[`index.${name}`] = index[name];
  const { weights, ...space } = matcher.space.arrays;
  for (const [name, array] of Object.entries({ ...space, ...weights })) arrays[`space.${name}`] = array;
  const encoder = new TextEncoder();
  const docChunks = Math.ceil(docs.length / DOCS_CHUNK);
  for (let c = 0; c < docChunks; c++) arrays[docsChunk(c)] = encoder.encode(JSON.stringify(docs.slice(c * DOCS_CHUNK, (c + 1) * DOCS_CHUNK)));
  return packModel({ kind: 'faq', version: FAQ_MODEL_VERSION, docChunks, offTopic, stats: { ...stats, intent: null }, intent: intent?.meta ?? null }, arrays);
}

type Unpacked = { parts: Parts; stored: { index: KnowledgeIndexArrays; space: QuestionSpaceArrays } | null };

/** Reads the bytes in steps (yielding between chunks of entries, see loadFaqMatcherInSlices). */
function* unpackFaq(bytes: Uint8Array): Generator<void, Unpacked> {
  const { meta, arrays } = unpackModel(bytes);
  if (meta.kind !== 'faq' || !READABLE_FAQ_VERSIONS.has(String(meta.version))) throw new Error(`Not a FAQ matcher of version ${FAQ_MODEL_VERSION} or lingxi-faq/2 to 4 (got ${String(meta.kind)} ${String(meta.version)}).`);
  const classifier = meta.intent ? unpackIntent({ meta: meta.intent as Record<string, unknown>, arrays }) : null;
  const stored = meta.stats as Omit<FaqStats, 'minCoverage'> & { minCoverage?: number };
  const stats: FaqStats = { ...stored, minCoverage: stored.minCoverage ?? 0, intent: classifier?.stats ?? null };
  if (meta.version !== FAQ_MODEL_VERSION) return { parts: { docs: meta.docs as KnowledgeDoc[], offTopic: meta.offTopic as string[], classifier, stats }, stored: null };
  const take = (name: string) => {
    const a = arrays[name];
    if (!a) throw new Error(`A ${FAQ_MODEL_VERSION} matcher lacks its array ${name}.`);
    return a;
  };
  const decoder = new TextDecoder();
  const docs: KnowledgeDoc[] = [];
  for (let c = 0; c < Number(meta.docChunks); c++) {
    yield;
    for (const d of JSON.parse(decoder.decode(take(docsChunk(c)))) as KnowledgeDoc[]) docs.push(d);
  }
  const parts: Parts = { docs, offTopic: meta.offTopic as string[], classifier, stats };
  const index = Object.fromEntries(INDEX_ARRAYS.map((n) => [n, take(`index.${n}`)])) as unknown as KnowledgeIndexArrays;
  const weights = arrays['space.postedWeight']
    ? { postedWeight: take('space.postedWeight') as Float32Array }
    : { postedCount: take('space.postedCount') as Uint8Array, questionScale: take('space.questionScale') as Float64Array };
  const space: QuestionSpaceArrays = { hashes: take('space.hashes') as Uint32Array, idf: take('space.idf') as Float32Array, start: take('space.start') as Int32Array, postedGaps: take('space.postedGaps') as Uint8Array, weights };
  return { parts, stored: { index, space } };
}

/** The stored retrieval structures of a version-5 matcher, with the lookups rebuilt, in steps (see restoreKnowledgeIndex). */
function* restoreRetrieval({ parts, stored }: Unpacked & { stored: NonNullable<Unpacked['stored']> }): Generator<void, Retrieval> {
  const index = yield* restoreKnowledgeIndex(parts.docs, stored.index);
  const space = yield* restoreQuestionSpace(spacedQuestions(parts), stored.space);
  return { index, space };
}

export function loadFaqMatcher(bytes: Uint8Array): FaqMatcher {
  const { parts, stored } = runToEnd(unpackFaq(bytes));
  return new FusedMatcher(parts, stored ? runToEnd(restoreRetrieval({ parts, stored })) : retrievalOf(parts));
}

/**
 * The same matcher as loadFaqMatcher, with the work done in slices of about `sliceMs`, awaiting `pause`
 * between them: a server keeps answering with its old model while a large one loads. A version-5 matcher
 * is mostly copied (its lookups are rebuilt in slices); older ones analyse every text again (seconds at 10k entries).
 */
export async function loadFaqMatcherInSlices(bytes: Uint8Array, options: { sliceMs?: number; pause?: () => Promise<void>; now?: () => number } = {}): Promise<FaqMatcher> {
  const sliceMs = options.sliceMs ?? 10;
  const pause = options.pause ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const now = options.now ?? (() => performance.now());
  let sliceStart = now();
  const step = async () => {
    if (now() - sliceStart < sliceMs) return;
    await pause();
    sliceStart = now();
  };
  const unpacking = unpackFaq(bytes);
  let unpacked = unpacking.next();
  for (; !unpacked.done; unpacked = unpacking.next()) await step();
  const { parts, stored } = unpacked.value;
  if (stored) {
    const steps = restoreRetrieval({ parts, stored });
    for (;;) {
      const next = steps.next();
      if (next.done) return new FusedMatcher(parts, next.value);
      await step();
    }
  }
  const analysis: TextAnalysis = { featuresOf: memoized(extractFeatures), termsOf: memoized(retrievalTerms) };
  const work: Array<() => unknown> = [];
  for (const d of parts.docs) {
    for (const q of d.questions) work.push(() => analysis.termsOf(q), () => analysis.featuresOf(q));
    if (d.answer) work.push(() => analysis.termsOf(d.answer));
  }
  for (const t of parts.offTopic) work.push(() => analysis.featuresOf(t));
  for (const run of work) {
    run();
    await step();
  }
  return new FusedMatcher(parts, retrievalOf(parts, analysis));
}
