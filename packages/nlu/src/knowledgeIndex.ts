import { hashFeature } from './features.ts';
import { normalize } from './normalize.ts';
import { stem } from './stem.ts';
import { tokenRuns } from './tokenize.ts';

export type KnowledgeDoc = { id: string; questions: string[]; answer: string };
export type KnowledgeHit = { id: string; score: number; matchedQuestion: string };
export interface KnowledgeIndex {
  /** Entries by relevance; score is the share of the query's BM25 weight matched (about 0..1). */
  search(query: string, k?: number): KnowledgeHit[];
  readonly size: number;
}

const K1 = 1.2;
const B = 0.75;
// An answer mentioning the words helps, but a matching question is what makes an entry right.
const ANSWER_WEIGHT = 0.3;

/** Retrieval terms: words, English stems and Chinese character bigrams (robust to segmentation). */
export function retrievalTerms(text: string): Map<number, number> {
  const terms = new Map<number, number>();
  const add = (t: string) => { const h = hashFeature(t); terms.set(h, (terms.get(h) ?? 0) + 1); };
  let han = '';
  const flush = () => {
    const chars = Array.from(han);
    for (let i = 0; i + 1 < chars.length; i++) add(`2|${chars[i]}${chars[i + 1]}`);
    if (chars.length === 1) add(`1|${han}`);
    han = '';
  };
  for (const t of tokenRuns(normalize(text))) {
    if (t.kind === 'mark') continue;
    if (t.kind === 'zh') { add(`w|${t.text}`); han += t.text; continue; }
    flush();
    add(t.kind === 'en' ? `s|${stem(t.text)}` : `w|${t.text}`);
  }
  flush();
  return terms;
}

type Unit = { doc: number; question: number; length: number };
type Posting = { units: Int32Array; tf: Float32Array; idf: number };

class InvertedIndex implements KnowledgeIndex {
  readonly size: number;
  private readonly scores: Float32Array;
  private readonly unseenIdf: number;
  constructor(
    private readonly docs: readonly KnowledgeDoc[],
    private readonly units: readonly Unit[],
    private readonly postings: Map<number, Posting>,
    private readonly averageLength: number,
  ) {
    this.size = docs.length;
    this.scores = new Float32Array(units.length);
    this.unseenIdf = Math.log(1 + (units.length + 0.5) / 0.5);
  }

  search(query: string, k = 5): KnowledgeHit[] {
    const terms = retrievalTerms(query);
    const touched: number[] = [];
    const scores = this.scores; // a scratch buffer reused by every search; cleared below via `touched`
    let ideal = 0;
    for (const term of terms.keys()) {
      const posting = this.postings.get(term);
      if (!posting) { ideal += this.unseenIdf; continue; } // words no entry has still count as unmatched weight
      ideal += posting.idf;
      for (let i = 0; i < posting.units.length; i++) {
        const u = posting.units[i] ?? 0;
        const unit = this.units[u] as Unit;
        const tf = posting.tf[i] ?? 0;
        const norm = tf * (K1 + 1) / (tf + K1 * (1 - B + (B * unit.length) / this.averageLength));
        if (scores[u] === 0) touched.push(u);
        scores[u] = (scores[u] ?? 0) + posting.idf * norm;
      }
    }
    const best = new Map<number, { score: number; question: number; answer: number }>();
    for (const u of touched) {
      const unit = this.units[u] as Unit;
      const s = (scores[u] ?? 0) / Math.max(ideal, 1e-9);
      scores[u] = 0;
      const entry = best.get(unit.doc) ?? { score: 0, question: -1, answer: 0 };
      if (unit.question < 0) entry.answer = s;
      else if (s > entry.score) { entry.score = s; entry.question = unit.question; }
      best.set(unit.doc, entry);
    }
    return [...best]
      .map(([doc, e]) => {
        const d = this.docs[doc] as KnowledgeDoc;
        const q = e.question >= 0 ? e.question : 0;
        return { id: d.id, score: Math.min(1, e.score + ANSWER_WEIGHT * e.answer * (1 - e.score)), matchedQuestion: d.questions[q] ?? '' };
      })
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, k);
  }
}

/** BM25 over every question (and, weaker, the answer) of every entry, in an inverted index. */
export function buildKnowledgeIndex(docs: readonly KnowledgeDoc[]): KnowledgeIndex {
  const units: Unit[] = [];
  const lists = new Map<number, { units: number[]; tf: number[] }>();
  const addUnit = (doc: number, question: number, text: string) => {
    const terms = retrievalTerms(text);
    let length = 0;
    for (const [term, tf] of terms) {
      length += tf;
      const list = lists.get(term) ?? { units: [], tf: [] };
      list.units.push(units.length);
      list.tf.push(tf);
      lists.set(term, list);
    }
    units.push({ doc, question, length });
  };
  docs.forEach((d, i) => {
    d.questions.forEach((q, j) => addUnit(i, j, q));
    if (d.answer) addUnit(i, -1, d.answer);
  });
  const n = units.length;
  const postings = new Map<number, Posting>();
  for (const [term, list] of lists) {
    const df = list.units.length;
    postings.set(term, { units: Int32Array.from(list.units), tf: Float32Array.from(list.tf), idf: Math.log(1 + (n - df + 0.5) / (df + 0.5)) });
  }
  const averageLength = units.reduce((s, u) => s + u.length, 0) / Math.max(1, n);
  return new InvertedIndex(docs, units, postings, averageLength);
}
