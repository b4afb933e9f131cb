import { hashFeature } from './features.ts';
import { normalize } from './normalize.ts';
import { tokenize } from './tokenize.ts';

/** What the pair scorer sees of one question: its words and characters. */
export type QuestionView = { words: string[]; chars: string[] };

export function viewQuestion(text: string): QuestionView {
  const norm = normalize(text).replace(/[\s\p{P}]+/gu, '');
  return { words: tokenize(norm), chars: Array.from(norm) };
}

function counts(items: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const i of items) m.set(i, (m.get(i) ?? 0) + 1);
  return m;
}

function weightedCosine(a: Map<string, number>, b: Map<string, number>, weight: (k: string) => number): number {
  let dot = 0, na = 0, nb = 0;
  for (const [k, v] of a) { const w = weight(k); na += (v * w) ** 2; dot += v * w * (b.get(k) ?? 0) * w; }
  for (const [k, v] of b) nb += (v * weight(k)) ** 2;
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let both = 0;
  for (const x of a) if (b.has(x)) both++;
  const union = a.size + b.size - both;
  return union === 0 ? 0 : both / union;
}

function bigrams(chars: readonly string[]): string[] {
  return chars.slice(1).map((c, i) => (chars[i] ?? '') + c);
}

function longestCommonSubsequence(a: readonly string[], b: readonly string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      row[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : Math.max(above, row[j - 1] ?? 0);
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}

/** Similarities in [0, 1]: the dense part of a pair's description. */
export function similarities(a: QuestionView, b: QuestionView, idf: (word: string) => number): number[] {
  const la = a.chars.length, lb = b.chars.length;
  const lcs = longestCommonSubsequence(a.chars, b.chars);
  return [
    weightedCosine(counts(a.words), counts(b.words), idf),
    weightedCosine(counts(a.words), counts(b.words), () => 1),
    weightedCosine(counts(a.chars), counts(b.chars), () => 1),
    weightedCosine(counts(bigrams(a.chars)), counts(bigrams(b.chars)), () => 1),
    jaccard(new Set(a.words), new Set(b.words)),
    jaccard(new Set(a.chars), new Set(b.chars)),
    Math.max(la, lb) > 0 ? lcs / Math.max(la, lb) : 0,
    Math.min(la, lb) > 0 ? lcs / Math.min(la, lb) : 0,
    Math.max(la, lb) > 0 ? Math.min(la, lb) / Math.max(la, lb) : 0,
  ];
}

export const SIMILARITY_COUNT = 9;
export const SIMILARITY_BINS = 10;

/**
 * Hashed words that differ and words that agree, and crossings of the differing words: the
 * pair "花呗 vs 借呗" says more about sameness than any overall overlap score.
 */
export function pairWordFeatures(a: QuestionView, b: QuestionView): number[] {
  const sa = new Set(a.words), sb = new Set(b.words);
  const onlyA = [...sa].filter((w) => !sb.has(w)).sort();
  const onlyB = [...sb].filter((w) => !sa.has(w)).sort();
  const out: number[] = [];
  for (const w of sa) if (sb.has(w)) out.push(hashFeature(`i|${w}`));
  for (const w of onlyA.concat(onlyB)) out.push(hashFeature(`d|${w}`));
  for (const x of onlyA.slice(0, 6)) for (const y of onlyB.slice(0, 6)) out.push(hashFeature(x < y ? `x|${x}|${y}` : `x|${y}|${x}`));
  out.push(hashFeature(`n|${Math.min(onlyA.length, 4)}|${Math.min(onlyB.length, 4)}`));
  return out;
}
