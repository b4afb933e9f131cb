import { extractFeatures, type FeatureBag } from './features.ts';
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

  /** `featuresOf` lets a trainer that builds several spaces over the same texts extract once. */
  constructor(private readonly questions: readonly SpacedQuestion[], featuresOf: (text: string) => FeatureBag = extractFeatures) {
    const bags = questions.map((q) => featuresOf(q.text));
    this.vocabulary = fitVocabulary(bags);
    const features = this.vocabulary.hashes.length;
    const vectors = bags.map((bag) => vectorize(bag, this.vocabulary));
    const start = new Int32Array(features + 1);
    for (const x of vectors) for (const f of x.index) start[f + 1] = start[f + 1]! + 1;
    for (let f = 0; f < features; f++) start[f + 1] = start[f + 1]! + start[f]!;
    const fill = start.slice(0, features);
    this.postedQuestion = new Int32Array(start[features] ?? 0);
    this.postedWeight = new Float32Array(start[features] ?? 0);
    vectors.forEach((x, q) => x.index.forEach((f, k) => {
      const at = fill[f]!;
      fill[f] = at + 1;
      this.postedQuestion[at] = q;
      this.postedWeight[at] = x.value[k] ?? 0;
    }));
    this.start = start;
    const common = Math.max(MIN_COMMON, COMMON_SHARE * questions.length);
    this.walked = Uint8Array.from({ length: features }, (_, f) => (start[f + 1]! - start[f]! > common ? 0 : 1));
    this.scores = new Float64Array(questions.length);
    const entries = new Map<string, number>();
    this.entryOf = Int32Array.from(questions, (q) => {
      let e = entries.get(q.entryId);
      if (e === undefined) { e = entries.size; entries.set(q.entryId, e); }
      return e;
    });
    this.entryIds = [...entries.keys()];
    this.entryBest = new Float64Array(entries.size);
    this.entryQuestion = new Int32Array(entries.size);
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
