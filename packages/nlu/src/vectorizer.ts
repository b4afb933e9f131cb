import type { FeatureBag, FeatureHashes } from './features.ts';

/** Sparse vector over a fitted vocabulary; indices are vocabulary positions. */
export type SparseVector = { index: Int32Array; value: Float32Array; coverage: number };

/** A fitted vocabulary: feature hashes in a fixed order and their inverse document frequency. */
export type Vocabulary = { hashes: Uint32Array; idf: Float32Array; lookup: Map<number, number>; unseenIdf: number };

/** Keeps features seen in at least minDf examples, in ascending hash order so fitting is stable. */
export function fitVocabulary(bags: readonly FeatureBag[], minDf = 1): Vocabulary {
  const df = new Map<number, number>();
  for (const bag of bags) for (const h of bag.keys()) df.set(h, (df.get(h) ?? 0) + 1);
  const kept = [...df].filter(([, n]) => n >= minDf).map(([h]) => h).sort((a, b) => a - b);
  const hashes = Uint32Array.from(kept);
  const idf = new Float32Array(hashes.length);
  const n = bags.length;
  hashes.forEach((h, i) => { idf[i] = Math.log((1 + n) / (1 + (df.get(h) ?? 0))) + 1; });
  return vocabularyOf(hashes, idf);
}

export function vocabularyOf(hashes: Uint32Array, idf: Float32Array): Vocabulary {
  const lookup = new Map<number, number>();
  hashes.forEach((h, i) => lookup.set(h, i));
  let unseenIdf = 1;
  for (const v of idf) if (v > unseenIdf) unseenIdf = v;
  return { hashes, idf, lookup, unseenIdf };
}

/**
 * Sublinear tf × idf, L2-normalized over every feature of the message, known or not: words the
 * model never saw dilute what it knows, so gibberish scores near the prior. Coverage is the share of the message's features the
 * vocabulary knows: gibberish has almost none, which is itself an out-of-scope signal.
 */
export function vectorize(bag: FeatureBag, vocabulary: Vocabulary): SparseVector {
  const index = new Int32Array(bag.size);
  const value = new Float32Array(bag.size);
  let known = 0;
  let norm = 0;
  for (const [h, count] of bag) {
    const i = vocabulary.lookup.get(h);
    const v = (1 + Math.log(count)) * (i === undefined ? vocabulary.unseenIdf : (vocabulary.idf[i] ?? 1));
    norm += v * v;
    if (i === undefined) continue;
    index[known] = i;
    value[known] = v;
    known++;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let k = 0; k < known; k++) value[k] = value[k]! * scale;
  return { index: index.subarray(0, known), value: value.subarray(0, known), coverage: bag.size > 0 ? known / bag.size : 0 };
}

/** A sparse vector written in place, reused from query to query: the first `length` entries count. */
export type VectorScratch = { index: Int32Array; value: Float32Array; length: number; coverage: number };

export function vectorScratch(): VectorScratch {
  return { index: new Int32Array(256), value: new Float32Array(256), length: 0, coverage: 0 };
}

/**
 * The same vector as vectorize(bag) (up to the order of its entries, ascending hash here) from
 * feature hashes as emitted, written into `out` without allocating per query. Sorts the hashes in place.
 */
export function vectorizeHashes(features: FeatureHashes, vocabulary: Vocabulary, out: VectorScratch): VectorScratch {
  const { size } = features;
  const hashes = features.hashes.subarray(0, size).sort();
  if (out.index.length < size) { out.index = new Int32Array(size * 2); out.value = new Float32Array(size * 2); }
  const { index, value } = out;
  let known = 0, distinct = 0, norm = 0;
  for (let at = 0; at < size;) {
    const h = hashes[at]!;
    let end = at + 1;
    while (end < size && hashes[end] === h) end++;
    const i = vocabulary.lookup.get(h);
    const v = (1 + Math.log(end - at)) * (i === undefined ? vocabulary.unseenIdf : vocabulary.idf[i]!);
    norm += v * v;
    distinct++;
    if (i !== undefined) { index[known] = i; value[known] = v; known++; }
    at = end;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let k = 0; k < known; k++) value[k] = value[k]! * scale;
  out.length = known;
  out.coverage = distinct > 0 ? known / distinct : 0;
  return out;
}

/** Cosine of two L2-normalized sparse vectors. */
export function cosine(a: SparseVector, b: SparseVector): number {
  const weights = new Map<number, number>();
  a.index.forEach((i, k) => weights.set(i, a.value[k] ?? 0));
  let dot = 0;
  b.index.forEach((i, k) => { dot += (weights.get(i) ?? 0) * (b.value[k] ?? 0); });
  return dot;
}
