import { hashFeature } from './features.ts';
import { decodeAscending, encodeAscending } from './modelBytes.ts';
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

/**
 * Units are every entry's questions (question ≥ 0) then its answer if any (question = -1); terms are numbered in
 * order of first appearance. The postings are flat typed arrays (CSR): term t's units, ascending, are
 * termUnits[termStart[t] .. termStart[t + 1]), their term frequencies termTf[…].
 */
type Postings = { termHash: Int32Array; termStart: Int32Array; termUnits: Int32Array; termTf: Float32Array };
/**
 * What a FAQ model stores of an index: the postings, units as varint gaps and frequencies as bytes when they
 * are small whole numbers (as retrievalTerms counts them). The rest (units' terms for rescoring, lengths, idf,
 * the hash lookup) is derived in linear passes.
 */
export type KnowledgeIndexArrays = { termHash: Int32Array; termStart: Int32Array; termUnitGaps: Uint8Array; termTf: Uint8Array | Float32Array };
/** The unit side: unit u's ascending term ids are unitTerms[unitStart[u] .. unitStart[u + 1]). */
type Units = { doc: Int32Array; question: Int32Array; length: Float32Array; start: Int32Array; terms: Int32Array; tf: Float32Array };

// Terms in more units than this are "common": they do not generate candidates, they only
// rescore the best candidates the rarer terms found. This keeps a 100k-entry search in budget.
const COMMON_TERM_UNITS = 2000;
const CANDIDATES = 100;
// Postings (and terms) restored between two pauses of a sliced load: a few milliseconds of work.
const RESTORE_CHUNK = 50_000;

class InvertedIndex implements KnowledgeIndex {
  readonly size: number;
  private readonly scores: Float32Array;
  private readonly unseenIdf: number;
  private readonly averageLength: number;
  constructor(
    private readonly docs: readonly KnowledgeDoc[],
    readonly postings: Postings,
    private readonly units: Units,
    private readonly termOf: Map<number, number>,
    private readonly idf: Float64Array,
  ) {
    this.size = docs.length;
    const count = units.doc.length;
    this.scores = new Float32Array(count);
    this.unseenIdf = Math.log(1 + (count + 0.5) / 0.5);
    let total = 0;
    for (const l of units.length) total += l;
    this.averageLength = total / Math.max(1, count);
  }

  private saturated(tf: number, unit: number): number {
    return (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * (this.units.length[unit] ?? 0)) / this.averageLength));
  }

  /** tf of a term in a unit, by binary search in the unit's sorted term ids. */
  private termFrequency(unit: number, term: number): number {
    const { start, terms, tf } = this.units;
    let lo = start[unit] ?? 0, hi = (start[unit + 1] ?? 0) - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const t = terms[mid] ?? 0;
      if (t === term) return tf[mid] ?? 0;
      if (t < term) lo = mid + 1; else hi = mid - 1;
    }
    return 0;
  }

  search(query: string, k = 5): KnowledgeHit[] {
    const { termStart, termUnits, termTf } = this.postings;
    const { doc: unitDoc, question: unitQuestion } = this.units;
    const df = (t: number) => termStart[t + 1]! - termStart[t]!;
    const known: number[] = [];
    let ideal = 0;
    for (const hash of retrievalTerms(query).keys()) {
      const term = this.termOf.get(hash);
      if (term !== undefined) { known.push(term); ideal += this.idf[term]!; } else ideal += this.unseenIdf; // unseen words still count as unmatched weight
    }
    known.sort((a, b) => df(a) - df(b));
    const rare = known.filter((t, i) => i === 0 || df(t) <= COMMON_TERM_UNITS);
    const common = known.slice(rare.length);
    const scores = this.scores; // scratch buffer shared by searches, cleared again through `touched`
    const touched: number[] = [];
    for (const term of rare) {
      const idf = this.idf[term]!;
      for (let p = termStart[term]!, end = termStart[term + 1]!; p < end; p++) {
        const u = termUnits[p]!;
        if (scores[u] === 0) touched.push(u);
        scores[u] = scores[u]! + idf * this.saturated(termTf[p]!, u);
      }
    }
    const candidates = bestUnits(touched, scores, CANDIDATES);
    for (const u of touched) scores[u] = 0;
    const best = new Map<number, { score: number; question: number; answer: number }>();
    for (const { unit, score: partial } of candidates) {
      let score = partial;
      for (const term of common) {
        const tf = this.termFrequency(unit, term);
        if (tf > 0) score += this.idf[term]! * this.saturated(tf, unit);
      }
      const s = score / Math.max(ideal, 1e-9);
      const doc = unitDoc[unit] ?? 0;
      const question = unitQuestion[unit] ?? -1;
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
  const termHash: number[] = [];
  const lists: { units: number[]; tf: number[] }[] = [];
  let unit = 0;
  const addUnit = (text: string) => {
    for (const [hash, tf] of termsOf(text)) {
      let id = termIds.get(hash);
      if (id === undefined) { id = termHash.length; termIds.set(hash, id); termHash.push(hash); lists.push({ units: [], tf: [] }); }
      const list = lists[id]!;
      list.units.push(unit);
      list.tf.push(tf);
    }
    unit++;
  };
  for (const d of docs) {
    for (const q of d.questions) addUnit(q);
    if (d.answer) addUnit(d.answer);
  }
  const termStart = new Int32Array(termHash.length + 1);
  lists.forEach((l, t) => { termStart[t + 1] = termStart[t]! + l.units.length; });
  const termUnits = new Int32Array(termStart[termHash.length]!), termTf = new Float32Array(termStart[termHash.length]!);
  lists.forEach((l, t) => { termUnits.set(l.units, termStart[t]); termTf.set(l.tf, termStart[t]); });
  // one code path for training and loading: the built index is the restored one
  return runToEnd(indexOver(docs, { termHash: Int32Array.from(termHash), termStart, termUnits, termTf }));
}

function storedPostings({ termHash, termStart, termUnits, termTf }: Postings): KnowledgeIndexArrays {
  const small = termTf.every((tf) => Number.isInteger(tf) && tf >= 0 && tf <= 255);
  return { termHash, termStart, termUnitGaps: encodeAscending(termUnits, termStart), termTf: small ? Uint8Array.from(termTf) : termTf };
}

/** The arrays of an index made by buildKnowledgeIndex or restoreKnowledgeIndex (what a FAQ model stores). */
export function knowledgeIndexArrays(index: KnowledgeIndex): KnowledgeIndexArrays {
  if (!(index instanceof InvertedIndex)) throw new Error('Only indexes made by buildKnowledgeIndex can be stored.');
  return storedPostings(index.postings);
}

/**
 * The index over its stored arrays: derives the unit side (a transpose), idf and the hash lookup, yielding
 * every RESTORE_CHUNK postings or terms so a caller can load it in slices (runToEnd runs it without pausing).
 */
export function* restoreKnowledgeIndex(docs: readonly KnowledgeDoc[], arrays: KnowledgeIndexArrays): Generator<void, KnowledgeIndex> {
  const { termHash, termStart } = arrays;
  const postings = arrays.termTf.length;
  if (termStart.length !== termHash.length + 1 || termStart[termHash.length] !== postings) throw new Error('A stored knowledge index does not fit together.');
  const termUnits = new Int32Array(postings);
  yield* decodeAscending(arrays.termUnitGaps, termStart, termUnits, RESTORE_CHUNK);
  const termTf = arrays.termTf instanceof Float32Array ? arrays.termTf : new Float32Array(arrays.termTf);
  return yield* indexOver(docs, { termHash, termStart, termUnits, termTf });
}

/** The index over its postings: one code path for building and loading (see restoreKnowledgeIndex). */
function* indexOver(docs: readonly KnowledgeDoc[], postingLists: Postings): Generator<void, KnowledgeIndex> {
  const { termHash, termStart, termUnits, termTf } = postingLists;
  const postings = termUnits.length;
  const doc: number[] = [], question: number[] = [];
  docs.forEach((d, i) => {
    d.questions.forEach((_, j) => { doc.push(i); question.push(j); });
    if (d.answer) { doc.push(i); question.push(-1); }
  });
  const count = doc.length;
  const start = new Int32Array(count + 1);
  for (let p = 0; p < postings; p++) {
    const u = termUnits[p]!;
    if (u < 0 || u >= count) throw new Error('A stored knowledge index does not fit its entries.');
    start[u + 1] = start[u + 1]! + 1;
  }
  for (let u = 0; u < count; u++) start[u + 1] = start[u + 1]! + start[u]!;
  yield;
  // terms ascending, so each unit's term ids come out sorted (termFrequency's binary search needs that)
  const fill = start.slice(0, count);
  const terms = new Int32Array(postings), tf = new Float32Array(postings), length = new Float32Array(count);
  const termOf = new Map<number, number>();
  const idf = new Float64Array(termHash.length);
  let since = 0;
  for (let t = 0; t < termHash.length; t++) {
    termOf.set(termHash[t]!, t);
    const end = termStart[t + 1]!;
    const df = end - termStart[t]!;
    idf[t] = Math.log(1 + (count - df + 0.5) / (df + 0.5));
    for (let p = termStart[t]!; p < end; p++) {
      const u = termUnits[p]!;
      const at = fill[u]!;
      fill[u] = at + 1;
      terms[at] = t;
      tf[at] = termTf[p]!;
      length[u] = length[u]! + termTf[p]!;
    }
    since += df + 1;
    if (since >= RESTORE_CHUNK) { since = 0; yield; }
  }
  return new InvertedIndex(docs, postingLists, { doc: Int32Array.from(doc), question: Int32Array.from(question), length, start, terms, tf }, termOf, idf);
}

/** Runs a sliced restore to its end, without pausing. */
export function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
