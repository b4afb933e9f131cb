import { extractFeatures } from './features.ts';
import { fitVocabulary, vectorize, type Vocabulary } from './vectorizer.ts';

/** One labelled question in the space: the entry it belongs to ('' for off-topic examples). */
export type SpacedQuestion = { entryId: string; text: string };
export type Neighbour = { entryId: string; similarity: number; question: string };

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
  private readonly postings: ({ question: Int32Array; weight: Float32Array } | null)[];
  private readonly scores: Float64Array;
  private readonly entryOf: Int32Array;
  private readonly entryIds: string[];
  private readonly entryBest: Float64Array;
  private readonly entryQuestion: Int32Array;

  constructor(private readonly questions: readonly SpacedQuestion[]) {
    const bags = questions.map((q) => extractFeatures(q.text));
    this.vocabulary = fitVocabulary(bags);
    const lists = Array.from({ length: this.vocabulary.hashes.length }, () => ({ question: [] as number[], weight: [] as number[] }));
    bags.forEach((bag, q) => {
      const x = vectorize(bag, this.vocabulary);
      x.index.forEach((f, k) => { const list = lists[f]; if (list) { list.question.push(q); list.weight.push(x.value[k] ?? 0); } });
    });
    const common = Math.max(MIN_COMMON, COMMON_SHARE * questions.length);
    this.postings = lists.map((l) => (l.question.length > common ? null : { question: Int32Array.from(l.question), weight: Float32Array.from(l.weight) }));
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
    const x = vectorize(extractFeatures(text), this.vocabulary);
    const scores = this.scores; // scratch buffer, cleared through `touched`
    const touched: number[] = [];
    x.index.forEach((f, i) => {
      const posting = this.postings[f];
      if (!posting) return; // a common feature: not walked (see COMMON_SHARE)
      const v = x.value[i] ?? 0;
      for (let p = 0; p < posting.question.length; p++) {
        const q = posting.question[p] ?? 0;
        if (scores[q] === 0) touched.push(q);
        scores[q] = (scores[q] ?? 0) + v * (posting.weight[p] ?? 0);
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
    return top;
  }
}
