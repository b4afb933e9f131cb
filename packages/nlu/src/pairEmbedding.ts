import { hashFeature } from './features.ts';
import type { QuestionView, WordWeight } from './pairFeatures.ts';
import { seededRandom } from './seededRandom.ts';

/**
 * Word vectors learned from the training questions themselves: positive pointwise mutual
 * information of words that occur near each other, reduced by a seeded truncated SVD (subspace
 * iteration). Words used in the same company (花呗 / 借呗, 还款 / 还钱) get near vectors, so the
 * pair scorer can tell a near-synonym from a word that changes the question.
 */
export type WordVectors = {
  /** word hashes, sorted, one per row of `vectors` */
  hashes: Uint32Array;
  /** row-major, `size` per word, each row of unit length */
  vectors: Float32Array;
  size: number;
};

export type EmbeddingOptions = { size: number; window: number; minCount: number; iterations: number; seed: number };

export const defaultEmbedding: EmbeddingOptions = { size: 64, window: 4, minCount: 2, iterations: 6, seed: 5 };

/** Orthonormalizes the `k` columns (each of length `n`, column-major) in place. */
function orthonormalize(q: Float64Array, n: number, k: number): void {
  for (let c = 0; c < k; c++) {
    const col = q.subarray(c * n, (c + 1) * n);
    for (let p = 0; p < c; p++) {
      const prev = q.subarray(p * n, (p + 1) * n);
      let dot = 0;
      for (let i = 0; i < n; i++) dot += col[i]! * prev[i]!;
      for (let i = 0; i < n; i++) col[i] = col[i]! - dot * prev[i]!;
    }
    let norm = 0;
    for (let i = 0; i < n; i++) norm += col[i]! * col[i]!;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < n; i++) col[i] = col[i]! / norm;
  }
}

export function learnWordVectors(questions: readonly QuestionView[], options: EmbeddingOptions = defaultEmbedding): WordVectors {
  const frequency = new Map<number, number>();
  const hashed = questions.map((q) => q.words.map(hashFeature));
  for (const ws of hashed) for (const h of ws) frequency.set(h, (frequency.get(h) ?? 0) + 1);
  const hashes = Uint32Array.from([...frequency].filter(([, c]) => c >= options.minCount).map(([h]) => h).sort((x, y) => x - y));
  const n = hashes.length;
  const index = new Map<number, number>();
  hashes.forEach((h, i) => index.set(h, i));
  // symmetric co-occurrence counts within the window, keyed row * n + column
  const pairs = new Map<number, number>();
  for (const ws of hashed) {
    const ids = ws.map((h) => index.get(h) ?? -1);
    for (let i = 0; i < ids.length; i++) {
      const a = ids[i]!;
      if (a < 0) continue;
      for (let j = i + 1; j < Math.min(ids.length, i + 1 + options.window); j++) {
        const b = ids[j]!;
        if (b < 0 || b === a) continue;
        pairs.set(a * n + b, (pairs.get(a * n + b) ?? 0) + 1);
        pairs.set(b * n + a, (pairs.get(b * n + a) ?? 0) + 1);
      }
    }
  }
  const rowSum = new Float64Array(n);
  let total = 0;
  for (const [key, c] of pairs) { const r = Math.floor(key / n); rowSum[r] = rowSum[r]! + c; total += c; }
  // context counts smoothed to the power 0.75 (rare contexts would otherwise dominate PMI)
  const context = Float64Array.from(rowSum, (c) => c ** 0.75);
  let contextTotal = 0;
  for (const c of context) contextTotal += c;
  const keys = [...pairs.keys()].sort((x, y) => x - y);
  const rows = new Int32Array(keys.length), cols = new Int32Array(keys.length), values = new Float64Array(keys.length);
  let nnz = 0;
  for (const key of keys) {
    const r = Math.floor(key / n), c = key - r * n;
    const pmi = Math.log((pairs.get(key)! / total) / ((rowSum[r]! / total) * (context[c]! / contextTotal)));
    if (pmi > 0) { rows[nnz] = r; cols[nnz] = c; values[nnz] = pmi; nnz++; }
  }
  const k = Math.min(options.size, Math.max(1, n));
  const multiply = (q: Float64Array): Float64Array => {
    const out = new Float64Array(n * k);
    for (let e = 0; e < nnz; e++) {
      const r = rows[e]!, c = cols[e]!, v = values[e]!;
      for (let d = 0; d < k; d++) out[d * n + r] = out[d * n + r]! + v * q[d * n + c]!;
    }
    return out;
  };
  const random = seededRandom(options.seed);
  let q: Float64Array = Float64Array.from({ length: n * k }, () => random() - 0.5);
  orthonormalize(q, n, k);
  for (let it = 0; it < options.iterations; it++) { q = multiply(q); orthonormalize(q, n, k); }
  // rows of the orthonormal basis: singular vectors up to a rotation, which cosines ignore
  const vectors = new Float32Array(n * k);
  for (let i = 0; i < n; i++) {
    let norm = 0;
    for (let d = 0; d < k; d++) norm += q[d * n + i]! ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < k; d++) vectors[i * k + d] = q[d * n + i]! / norm;
  }
  return { hashes, vectors, size: k };
}

/** Looks up unit word vectors by word. */
export class WordSpace {
  private readonly rowOf = new Map<number, number>();
  constructor(readonly words: WordVectors) {
    words.hashes.forEach((h, i) => this.rowOf.set(h, i));
  }
  row(word: string): number {
    return this.rowOf.get(hashFeature(word)) ?? -1;
  }
  cosine(x: number, y: number): number {
    const { vectors, size } = this.words;
    let dot = 0;
    for (let d = 0; d < size; d++) dot += vectors[x * size + d]! * vectors[y * size + d]!;
    return dot;
  }
}

export const EMBEDDING_SIMILARITY_COUNT = 6;

/** Similarity of two words: 1 when equal, their vectors' cosine (≥ 0) when both have one, else 0. */
function wordSimilarity(space: WordSpace, x: string, y: string, rx: number, ry: number): number {
  if (x === y) return 1;
  return rx >= 0 && ry >= 0 ? Math.max(0, space.cosine(rx, ry)) : 0;
}

/** idf-weighted mean over `from` of each word's best similarity in `to`, and the worst of them. */
function aligned(space: WordSpace, from: readonly string[], to: readonly string[], idf: WordWeight): [number, number] {
  const toRows = to.map((w) => space.row(w));
  let sum = 0, mass = 0, worst = 1;
  for (const w of from) {
    const rw = space.row(w);
    let best = 0;
    to.forEach((v, j) => { best = Math.max(best, wordSimilarity(space, w, v, rw, toRows[j]!)); });
    const weight = idf(w);
    sum += weight * best; mass += weight;
    worst = Math.min(worst, best);
  }
  return [mass > 0 ? sum / mass : 0, from.length > 0 ? worst : 0];
}

function meanVector(space: WordSpace, words: readonly string[], idf: WordWeight): Float64Array {
  const { vectors, size } = space.words;
  const out = new Float64Array(size);
  for (const w of words) {
    const r = space.row(w);
    if (r < 0) continue;
    const weight = idf(w);
    for (let d = 0; d < size; d++) out[d] = out[d]! + weight * vectors[r * size + d]!;
  }
  return out;
}

function cosineOf(a: Float64Array, b: Float64Array): number {
  let dot = 0, na = 0, nb = 0;
  for (let d = 0; d < a.length; d++) { dot += a[d]! * b[d]!; na += a[d]! ** 2; nb += b[d]! ** 2; }
  return na > 0 && nb > 0 ? Math.max(0, dot / Math.sqrt(na * nb)) : 0;
}

/**
 * Soft similarities of a pair in [0, 1]: cosine of idf-weighted mean vectors, aligned-word
 * similarity both ways (min and max), the least aligned word, and how near the words that
 * differ are to each other (1 when none differ).
 */
export function embeddingSimilarities(space: WordSpace, a: QuestionView, b: QuestionView, idf: WordWeight): number[] {
  const [ab, worstA] = aligned(space, a.words, b.words, idf);
  const [ba, worstB] = aligned(space, b.words, a.words, idf);
  const sa = new Set(a.words), sb = new Set(b.words);
  const onlyA = [...sa].filter((w) => !sb.has(w)), onlyB = [...sb].filter((w) => !sa.has(w));
  const differing = onlyA.length === 0 || onlyB.length === 0 ? (onlyA.length + onlyB.length === 0 ? 1 : 0) : Math.min(aligned(space, onlyA, onlyB, idf)[0], aligned(space, onlyB, onlyA, idf)[0]);
  return [cosineOf(meanVector(space, a.words, idf), meanVector(space, b.words, idf)), Math.min(ab, ba), Math.max(ab, ba), Math.min(worstA, worstB), differing, cosineOf(meanVector(space, onlyA, idf), meanVector(space, onlyB, idf))];
}
