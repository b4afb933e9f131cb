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

/** Units are questions (question ≥ 0) and answers (question = -1), in flat typed arrays. */
type Units = { doc: Int32Array; question: Int32Array; length: Float32Array; termStart: Int32Array; terms: Int32Array; tf: Float32Array };
type Posting = { id: number; units: Int32Array; tf: Float32Array; idf: number };

// Terms in more units than this are "common": they do not generate candidates, they only
// rescore the best candidates the rarer terms found. This keeps a 100k-entry search in budget.
const COMMON_TERM_UNITS = 2000;
const CANDIDATES = 100;

class InvertedIndex implements KnowledgeIndex {
  readonly size: number;
  private readonly scores: Float32Array;
  private readonly unseenIdf: number;
  constructor(
    private readonly docs: readonly KnowledgeDoc[],
    private readonly units: Units,
    private readonly postings: Map<number, Posting>,
    private readonly averageLength: number,
  ) {
    this.size = docs.length;
    this.scores = new Float32Array(units.doc.length);
    this.unseenIdf = Math.log(1 + (units.doc.length + 0.5) / 0.5);
  }

  private saturated(tf: number, unit: number): number {
    return (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * (this.units.length[unit] ?? 0)) / this.averageLength));
  }

  /** tf of a term in a unit, by binary search in the unit's sorted term ids. */
  private termFrequency(unit: number, term: number): number {
    const { termStart, terms, tf } = this.units;
    let lo = termStart[unit] ?? 0, hi = (termStart[unit + 1] ?? 0) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const t = terms[mid] ?? 0;
      if (t === term) return tf[mid] ?? 0;
      if (t < term) lo = mid + 1; else hi = mid - 1;
    }
    return 0;
  }

  search(query: string, k = 5): KnowledgeHit[] {
    const known: Posting[] = [];
    let ideal = 0;
    for (const term of retrievalTerms(query).keys()) {
      const posting = this.postings.get(term);
      if (posting) { known.push(posting); ideal += posting.idf; } else ideal += this.unseenIdf; // unseen words still count as unmatched weight
    }
    known.sort((a, b) => a.units.length - b.units.length);
    const rare = known.filter((p, i) => i === 0 || p.units.length <= COMMON_TERM_UNITS);
    const common = known.slice(rare.length);
    const scores = this.scores; // scratch buffer shared by searches, cleared again through `touched`
    const touched: number[] = [];
    for (const posting of rare) {
      for (let i = 0; i < posting.units.length; i++) {
        const u = posting.units[i] ?? 0;
        if (scores[u] === 0) touched.push(u);
        scores[u] = (scores[u] ?? 0) + posting.idf * this.saturated(posting.tf[i] ?? 0, u);
      }
    }
    const candidates = bestUnits(touched, scores, CANDIDATES);
    for (const u of touched) scores[u] = 0;
    const best = new Map<number, { score: number; question: number; answer: number }>();
    for (const { unit, score: partial } of candidates) {
      let score = partial;
      for (const posting of common) {
        const tf = this.termFrequency(unit, posting.id);
        if (tf > 0) score += posting.idf * this.saturated(tf, unit);
      }
      const s = score / Math.max(ideal, 1e-9);
      const doc = this.units.doc[unit] ?? 0;
      const question = this.units.question[unit] ?? -1;
      const entry = best.get(doc) ?? { score: 0, question: -1, answer: 0 };
      if (question < 0) entry.answer = s;
      else if (s > entry.score) { entry.score = s; entry.question = question; }
      best.set(doc, entry);
    }
    return [...best]
      .map(([doc, e]) => {
        const d = this.docs[doc] as KnowledgeDoc;
        return { id: d.id, score: Math.min(1, e.score + ANSWER_WEIGHT * e.answer * (1 - e.score)), matchedQuestion: d.questions[Math.max(0, e.question)] ?? '' };
      })
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .slice(0, k);
  }
}

/** The n best-scoring units, kept in a short sorted list (most units are rejected on one compare). */
function bestUnits(touched: readonly number[], scores: Float32Array, n: number): { unit: number; score: number }[] {
  const top: { unit: number; score: number }[] = [];
  for (const unit of touched) {
    const score = scores[unit] ?? 0;
    if (top.length === n && score <= (top[n - 1]?.score ?? 0)) continue;
    let at = top.length;
    while (at > 0 && (top[at - 1]?.score ?? 0) < score) at--;
    top.splice(at, 0, { unit, score });
    if (top.length > n) top.pop();
  }
  return top;
}

/** BM25 over every question (and, weaker, the answer) of every entry, in an inverted index. */
export function buildKnowledgeIndex(docs: readonly KnowledgeDoc[], termsOf: (text: string) => Map<number, number> = retrievalTerms): KnowledgeIndex {
  const termIds = new Map<number, number>();
  const lists: { units: number[]; tf: number[] }[] = [];
  const doc: number[] = [], question: number[] = [], length: number[] = [], termStart: number[] = [0], unitTerms: number[] = [], unitTf: number[] = [];
  const addUnit = (d: number, q: number, text: string) => {
    const unit = doc.length;
    const entries: [number, number][] = [];
    let total = 0;
    for (const [hash, tf] of termsOf(text)) {
      let id = termIds.get(hash);
      if (id === undefined) { id = lists.length; termIds.set(hash, id); lists.push({ units: [], tf: [] }); }
      const list = lists[id] as { units: number[]; tf: number[] };
      list.units.push(unit);
      list.tf.push(tf);
      entries.push([id, tf]);
      total += tf;
    }
    entries.sort((x, y) => x[0] - y[0]);
    for (const [id, tf] of entries) { unitTerms.push(id); unitTf.push(tf); }
    termStart.push(unitTerms.length);
    doc.push(d); question.push(q); length.push(total);
  };
  docs.forEach((d, i) => {
    d.questions.forEach((q, j) => addUnit(i, j, q));
    if (d.answer) addUnit(i, -1, d.answer);
  });
  const n = doc.length;
  const postings = new Map<number, Posting>();
  for (const [hash, id] of termIds) {
    const list = lists[id] as { units: number[]; tf: number[] };
    const df = list.units.length;
    postings.set(hash, { id, units: Int32Array.from(list.units), tf: Float32Array.from(list.tf), idf: Math.log(1 + (n - df + 0.5) / (df + 0.5)) });
  }
  const units: Units = {
    doc: Int32Array.from(doc), question: Int32Array.from(question), length: Float32Array.from(length),
    termStart: Int32Array.from(termStart), terms: Int32Array.from(unitTerms), tf: Float32Array.from(unitTf),
  };
  const averageLength = length.reduce((s, l) => s + l, 0) / Math.max(1, n);
  return new InvertedIndex(docs, units, postings, averageLength);
}
