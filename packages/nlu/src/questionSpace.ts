import { extractFeatures, type FeatureBag } from './features.ts';
import { decodeAscending, encodeAscending } from './modelBytes.ts';
import { fitVocabulary, vectorize, type Vocabulary } from './vectorizer.ts';

/** One labelled question in the space: the entry it belongs to ('' for off-topic examples). */
export type SpacedQuestion = { entryId: string; text: string };
export type Neighbour = { entryId: string; similarity: number; question: string };
/** Nearest questions, and the share of the query's distinct features any question has (an out-of-scope signal). */
export type SpaceMatch = { neighbours: Neighbour[]; coverage: number };

/**
 * Nearest questions by cosine of tf-idf word and character n-gram vectors, over an inverted
 * index: no training beyond counting, so it scales to thousands of entries where a softmax
 * over every entry would be slow to train.
 */
// Features in more questions than this share of them are not walked at query time: their idf
// is low, so the cosine loses little, and walking them is most of the cost.
const COMMON_SHARE = 0.05;
const MIN_COMMON = 50;

/**
 * What a space is made of besides its questions (what a FAQ model stores): the vocabulary, each feature's
 * postings (questions ascending, as varint gaps), and each posting's count of the feature in its question with
 * each question's vector scale, from which the weights are recomputed bit for bit: a third of the bytes of
 * storing weights and ids as 32-bit arrays. A feature repeated more than 255 times in a question is stored as weights.
 */
export type QuestionSpaceArrays = {
  hashes: Uint32Array; idf: Float32Array; start: Int32Array; postedGaps: Uint8Array;
  weights: { postedCount: Uint8Array; questionScale: Float64Array } | { postedWeight: Float32Array };
};
// Postings (or vocabulary entries) restored between two pauses of a sliced load: a few milliseconds of work.
const RESTORE_CHUNK = 50_000;
const MAX_COUNT = 255;

export class QuestionSpace {
  private readonly vocabulary: Vocabulary;
  // postings in one flat array per field (CSR): feature f owns [start[f], start[f + 1])
  private readonly start: Int32Array;
  private readonly postedQuestion: Int32Array;
  private readonly postedWeight: Float32Array;
  private readonly walked: Uint8Array;
  private readonly scores: Float64Array;
  private readonly entryOf: Int32Array;
  private readonly entryIds: string[];
  private readonly entryBest: Float64Array;
  private readonly entryQuestion: Int32Array;

  /** Use buildQuestionSpace or restoreQuestionSpace. */
  constructor(
    private readonly questions: readonly SpacedQuestion[],
    private readonly weights: QuestionSpaceArrays['weights'],
    vocabulary: Vocabulary,
    posted: { start: Int32Array; question: Int32Array; weight: Float32Array },
    entryOf: Int32Array,
    entryIds: string[],
  ) {
    this.vocabulary = vocabulary;
    const { start } = posted;
    this.start = start;
    this.postedQuestion = posted.question;
    this.postedWeight = posted.weight;
    const features = vocabulary.hashes.length;
    const common = Math.max(MIN_COMMON, COMMON_SHARE * questions.length);
    this.walked = new Uint8Array(features);
    for (let f = 0; f < features; f++) this.walked[f] = start[f + 1]! - start[f]! > common ? 0 : 1;
    this.scores = new Float64Array(questions.length);
    this.entryOf = entryOf;
    this.entryIds = entryIds;
    this.entryBest = new Float64Array(entryIds.length);
    this.entryQuestion = new Int32Array(entryIds.length);
  }

  /** What a FAQ model stores of this space (see QuestionSpaceArrays). */
  get arrays(): QuestionSpaceArrays {
    const { hashes, idf } = this.vocabulary;
    return { hashes, idf, start: this.start, postedGaps: encodeAscending(this.postedQuestion, this.start), weights: this.weights };
  }

  /** The share of the text's features some question has. */
  coverage(text: string): number {
    return vectorize(extractFeatures(text), this.vocabulary).coverage;
  }

  /** Best similarity per entry, highest first. */
  nearest(text: string, k: number): Neighbour[] {
    return this.search(text, k).neighbours;
  }

  /** Best similarity per entry, highest first, with the query's coverage by the questions' vocabulary. */
  search(text: string, k: number): SpaceMatch {
    const x = vectorize(extractFeatures(text), this.vocabulary);
    const scores = this.scores; // scratch buffer, cleared through `touched`
    const touched: number[] = [];
    const { start, postedQuestion, postedWeight, walked } = this;
    x.index.forEach((f, i) => {
      if (walked[f] === 0) return; // a common feature (see COMMON_SHARE)
      const v = x.value[i] ?? 0;
      for (let p = start[f]!, end = start[f + 1]!; p < end; p++) {
        const q = postedQuestion[p]!;
        if (scores[q] === 0) touched.push(q);
        scores[q] = scores[q]! + v * postedWeight[p]!;
      }
    });
    const { entryOf, entryBest, entryQuestion } = this;
    const entries: number[] = [];
    for (const q of touched) {
      const e = entryOf[q] ?? 0;
      const similarity = scores[q] ?? 0;
      scores[q] = 0;
      if (entryBest[e] === 0) entries.push(e);
      if (similarity > (entryBest[e] ?? 0)) { entryBest[e] = similarity; entryQuestion[e] = q; }
    }
    const top: Neighbour[] = [];
    for (const e of entries) {
      const similarity = entryBest[e] ?? 0;
      entryBest[e] = 0;
      if (top.length === k && similarity <= (top[k - 1]?.similarity ?? 0)) continue;
      const neighbour = { entryId: this.entryIds[e] ?? '', similarity, question: this.questions[entryQuestion[e] ?? 0]?.text ?? '' };
      let at = top.length;
      while (at > 0 && ((top[at - 1]?.similarity ?? 0) < similarity || ((top[at - 1]?.similarity ?? 0) === similarity && (top[at - 1]?.entryId ?? '') > neighbour.entryId))) at--;
      top.splice(at, 0, neighbour);
      if (top.length > k) top.pop();
    }
    return { neighbours: top, coverage: x.coverage };
  }
}

/** A posting's weight: vectorize's arithmetic (a Float32 sublinear tf × idf, scaled by the question's norm in double precision). */
function postingWeight(count: number, idf: number, scale: number): number {
  return Math.fround(count === 1 ? idf : (1 + Math.log(count)) * idf) * scale;
}

/**
 * Nearest questions over tf-idf vectors of the questions (the vectors vectorize makes, computed here with
 * each feature's count kept for storing). `featuresOf` lets a trainer that builds several spaces over the same texts extract once.
 */
export function buildQuestionSpace(questions: readonly SpacedQuestion[], featuresOf: (text: string) => FeatureBag = extractFeatures): QuestionSpace {
  const bags = questions.map((q) => featuresOf(q.text));
  const vocabulary = fitVocabulary(bags);
  const features = vocabulary.hashes.length;
  const start = new Int32Array(features + 1);
  const vectors = bags.map((bag) => {
    const index = new Int32Array(bag.size), count = new Uint32Array(bag.size);
    let k = 0, norm = 0;
    for (const [h, c] of bag) {
      const f = vocabulary.lookup.get(h)!; // every feature of the questions is in their vocabulary
      const v = (1 + Math.log(c)) * vocabulary.idf[f]!;
      norm += v * v;
      index[k] = f;
      count[k++] = c;
      start[f + 1] = start[f + 1]! + 1;
    }
    return { index, count, scale: norm > 0 ? 1 / Math.sqrt(norm) : 0 };
  });
  for (let f = 0; f < features; f++) start[f + 1] = start[f + 1]! + start[f]!;
  const fill = start.slice(0, features);
  const postings = start[features] ?? 0;
  const question = new Int32Array(postings), weight = new Float32Array(postings), postedCount = new Uint8Array(postings);
  const questionScale = new Float64Array(questions.length);
  let countsFit = true;
  vectors.forEach((x, q) => {
    questionScale[q] = x.scale;
    x.index.forEach((f, k) => {
      const at = fill[f]!;
      fill[f] = at + 1;
      const c = x.count[k]!;
      question[at] = q;
      weight[at] = postingWeight(c, vocabulary.idf[f]!, x.scale);
      if (c > MAX_COUNT) countsFit = false;
      postedCount[at] = c;
    });
  });
  const weights: QuestionSpaceArrays['weights'] = countsFit ? { postedCount, questionScale } : { postedWeight: weight };
  const { entryOf, entryIds } = entriesOf(questions);
  return new QuestionSpace(questions, weights, vocabulary, { start, question, weight }, entryOf, entryIds);
}

/**
 * The space over stored arrays: decodes the postings, recomputes the weights and rebuilds the vocabulary's
 * lookup, yielding every RESTORE_CHUNK postings or features (see restoreKnowledgeIndex).
 */
export function* restoreQuestionSpace(questions: readonly SpacedQuestion[], arrays: QuestionSpaceArrays): Generator<void, QuestionSpace> {
  const { hashes, idf, start, postedGaps, weights } = arrays;
  const features = hashes.length;
  if (idf.length !== features || start.length !== features + 1) throw new Error('A stored question space does not fit together.');
  const postings = start[features]!;
  const question = new Int32Array(postings);
  yield* decodeAscending(postedGaps, start, question, RESTORE_CHUNK);
  let weight: Float32Array;
  if ('postedWeight' in weights) weight = weights.postedWeight;
  else {
    const { postedCount, questionScale } = weights;
    weight = new Float32Array(postings);
    let since = 0;
    for (let f = 0; f < features; f++) {
      const end = start[f + 1]!;
      for (let p = start[f]!; p < end; p++) {
        const q = question[p]!;
        if (q >= questions.length) throw new Error('A stored question space does not fit its questions.');
        weight[p] = postingWeight(postedCount[p]!, idf[f]!, questionScale[q]!);
      }
      since += end - start[f]!;
      if (since >= RESTORE_CHUNK) { since = 0; yield; }
    }
  }
  const lookup = new Map<number, number>();
  let unseenIdf = 1;
  for (let i = 0; i < features; i++) {
    lookup.set(hashes[i]!, i);
    if (idf[i]! > unseenIdf) unseenIdf = idf[i]!;
    if ((i + 1) % RESTORE_CHUNK === 0) yield;
  }
  const { entryOf, entryIds } = entriesOf(questions);
  yield;
  return new QuestionSpace(questions, weights, { hashes, idf, lookup, unseenIdf }, { start, question, weight }, entryOf, entryIds);
}
/** Entries numbered in order of first appearance, and each question's entry number. */
function entriesOf(questions: readonly SpacedQuestion[]): { entryOf: Int32Array; entryIds: string[] } {
  const entries = new Map<string, number>();
  const entryOf = Int32Array.from(questions, (q) => {
    let e = entries.get(q.entryId);
    if (e === undefined) { e = entries.size; entries.set(q.entryId, e); }
    return e;
  });
  return { entryOf, entryIds: [...entries.keys()] };
}
