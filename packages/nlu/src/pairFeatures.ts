import { hashFeature } from './features.ts';
import { normalize } from './normalize.ts';
import { tokenize } from './tokenize.ts';

/** What the pair scorer sees of one question: its words and characters. */
export type QuestionView = { words: string[]; chars: string[] };

export function viewQuestion(text: string): QuestionView {
  const norm = normalize(text).replace(/[\s\p{P}]+/gu, '');
  return { words: tokenize(norm), chars: Array.from(norm) };
}

/** Inverse document frequency of a word; unseen words get the largest. */
export type WordWeight = (word: string) => number;

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

function grams(chars: readonly string[], n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= chars.length; i++) out.push(chars.slice(i, i + n).join(''));
  return out;
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

function longestCommonSubstring(a: readonly string[], b: readonly string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  let best = 0;
  for (let i = 1; i <= a.length; i++) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      row[j] = a[i - 1] === b[j - 1] ? diagonal + 1 : 0;
      if (row[j]! > best) best = row[j]!;
      diagonal = above;
    }
  }
  return best;
}

function editDistance(a: readonly string[], b: readonly string[]): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** Share of `from`'s idf mass whose words occur in `to`: a BM25-style "how much of my question do you cover". */
function coverage(from: readonly string[], to: ReadonlySet<string>, idf: WordWeight): number {
  let all = 0, hit = 0;
  for (const w of new Set(from)) { const v = idf(w); all += v; if (to.has(w)) hit += v; }
  return all > 0 ? hit / all : 0;
}

const NEGATIONS = new Set(['不', '没', '无', '未', '别', '非', '莫', '勿']);
const DIGITS = /[0-9零一二三四五六七八九十百千万*]+/gu;

function negations(chars: readonly string[]): number {
  let n = 0;
  for (const c of chars) if (NEGATIONS.has(c)) n++;
  return n;
}

function numbers(text: string): Set<string> {
  return new Set(text.match(DIGITS) ?? []);
}

/**
 * Dense description of a pair, each in about [0, 1]: word and character overlaps (cosine,
 * Jaccard on 1–3-grams), idf coverage both ways, subsequence / substring / edit-distance
 * ratios, lengths, idf mass of the words that differ, and mismatches of negation and numbers.
 */
export function similarities(a: QuestionView, b: QuestionView, idf: WordWeight, maxIdf: number): number[] {
  const la = a.chars.length, lb = b.chars.length;
  const longer = Math.max(la, lb), shorter = Math.min(la, lb);
  const lcs = longestCommonSubsequence(a.chars, b.chars);
  const substring = longestCommonSubstring(a.chars, b.chars);
  const edits = editDistance(a.chars, b.chars);
  const wa = new Set(a.words), wb = new Set(b.words);
  const ab = coverage(a.words, wb, idf), ba = coverage(b.words, wa, idf);
  let differing = 0, maxDiffering = 0;
  for (const w of wa) if (!wb.has(w)) { const v = idf(w); differing += v; maxDiffering = Math.max(maxDiffering, v); }
  for (const w of wb) if (!wa.has(w)) { const v = idf(w); differing += v; maxDiffering = Math.max(maxDiffering, v); }
  const na = negations(a.chars), nb = negations(b.chars);
  const ta = a.chars.join(''), tb = b.chars.join('');
  const numA = numbers(ta), numB = numbers(tb);
  const numbersDiffer = numA.size + numB.size === 0 ? 0 : jaccard(numA, numB) < 1 ? 1 : 0;
  const safe = (x: number, y: number) => (y > 0 ? x / y : 0);
  return [
    weightedCosine(counts(a.words), counts(b.words), idf),
    weightedCosine(counts(a.words), counts(b.words), () => 1),
    weightedCosine(counts(a.chars), counts(b.chars), () => 1),
    weightedCosine(counts(grams(a.chars, 2)), counts(grams(b.chars, 2)), () => 1),
    jaccard(wa, wb),
    jaccard(new Set(a.chars), new Set(b.chars)),
    jaccard(new Set(grams(a.chars, 2)), new Set(grams(b.chars, 2))),
    jaccard(new Set(grams(a.chars, 3)), new Set(grams(b.chars, 3))),
    safe(lcs, longer),
    safe(lcs, shorter),
    safe(shorter, longer),
    safe(substring, shorter),
    safe(edits, longer),
    Math.min(ab, ba),
    Math.max(ab, ba),
    Math.min(1, differing / (4 * maxIdf)),
    safe(maxDiffering, maxIdf),
    Math.min(1, shorter / 30),
    Math.min(1, Math.abs(la - lb) / 30),
    Math.min(1, Math.abs(a.words.length - b.words.length) / 10),
    na % 2 === nb % 2 ? 0 : 1,
    Math.min(1, Math.abs(na - nb) / 2),
    numbersDiffer,
    numA.size > 0 !== numB.size > 0 ? 1 : 0,
  ];
}

export const SIMILARITY_COUNT = 24;

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
