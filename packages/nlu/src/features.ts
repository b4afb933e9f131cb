import { normalize } from './normalize.ts';
import { stem } from './stem.ts';
import { tokenRuns } from './tokenize.ts';

/** Hashed sparse bag of features: feature hash → raw count. */
export type FeatureBag = Map<number, number>;

/**
 * FNV-1a folded to 30 bits: stable across runs and platforms, so models can be saved, and
 * small enough to stay a V8 small integer, which keeps Map lookups on the hot path fast.
 */
export function hashFeature(text: string): number {
  return fold(feed(FNV_OFFSET, text, 0, text.length));
}

const FNV_OFFSET = 0x811c9dc5;

function feed(state: number, text: string, start: number, end: number): number {
  let h = state;
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

function fold(h: number): number {
  return ((h >>> 30) ^ h) & 0x3fffffff;
}

/**
 * Hashes of one message's features, in the order extracted (a hash repeats when its feature
 * does). One buffer is reused across calls: queries allocate no per-feature objects.
 */
export type FeatureHashes = { hashes: Int32Array; size: number };

const emitted: FeatureHashes = { hashes: new Int32Array(512), size: 0 };

function push(h: number): void {
  if (emitted.size === emitted.hashes.length) {
    const grown = new Int32Array(emitted.hashes.length * 2);
    grown.set(emitted.hashes);
    emitted.hashes = grown;
  }
  emitted.hashes[emitted.size++] = h;
}

/** hashFeature(prefix + text) from a prefix's FNV state, without building the string. */
function emitWord(seed: number, text: string): void {
  push(fold(feed(seed, text, 0, text.length)));
}

/**
 * Character n-grams hashed as prefix + n-gram without building the strings: the same hashes
 * as hashFeature(prefix + gram), with no allocation (runs hold only BMP characters).
 */
function charGrams(prefix: number, text: string, min: number, max: number): void {
  for (let i = 0; i < text.length; i++) {
    let h = prefix;
    for (let n = 1; n <= max && i + n <= text.length; n++) {
      h = feed(h, text, i + n - 1, i + n);
      if (n >= min) push(fold(h));
    }
  }
}

const seedOf = (prefix: string) => feed(FNV_OFFSET, prefix, 0, prefix.length);
const MARK = seedOf('m|'), WORD = seedOf('w|'), STEM = seedOf('s|'), BIGRAM = seedOf('b|'), ZH = seedOf('c|'), EN = seedOf('e|');
const NUMBER_UNITS = Array.from({ length: 13 }, (_, n) => `#${n}`);

/** Which n-grams a model extracts; stored with the model so loading re-extracts the same ones. */
export type FeatureConfig = {
  zhChars: readonly [number, number];
  enChars: readonly [number, number];
  wordBigrams: boolean;
  /** at query time, an English word the model never saw is read as a known word one edit away (intent models) */
  respell?: boolean;
};
export const defaultFeatureConfig: FeatureConfig = { zhChars: [1, 4], enChars: [2, 5], wordBigrams: true };

/**
 * Hashes of the features of one message: words and word bigrams, English stems, Chinese
 * character 1–4-grams, English character 2–5-grams inside word boundaries, and marks (!, ?,
 * emoji). `respell` may replace an English word before its features are taken (typo tolerance).
 * The returned buffer is overwritten by the next call.
 */
export function emitFeatureHashes(raw: string, config: FeatureConfig = defaultFeatureConfig, respell?: (word: string) => string): FeatureHashes {
  const text = normalize(raw);
  emitted.size = 0;
  const tokens = tokenRuns(text);
  let han = '';
  let previous = '^';
  for (const t of tokens) {
    if (t.kind === 'mark') { emitWord(MARK, t.text); continue; }
    if (respell && t.kind === 'en') t.text = respell(t.text);
    const unit = t.kind === 'en' ? stem(t.text) : t.kind === 'num' ? NUMBER_UNITS[Math.min(t.text.length, 12)]! : t.text;
    emitWord(WORD, t.text);
    if (t.kind === 'en' && unit !== t.text) emitWord(STEM, unit);
    if (config.wordBigrams) emitBigram(previous, unit);
    previous = unit;
    if (t.kind === 'zh') han += t.text;
    else {
      if (han) { charGrams(ZH, `<${han}>`, ...config.zhChars); han = ''; }
      if (t.kind === 'en') charGrams(EN, ` ${t.text} `, ...config.enChars);
    }
  }
  if (han) charGrams(ZH, `<${han}>`, ...config.zhChars);
  if (previous !== '^' && config.wordBigrams) emitBigram(previous, '$');
  return emitted;
}

/** The hash of a word feature, as emitted for an English or Chinese word. */
export function wordHash(word: string): number {
  return fold(feed(WORD, word, 0, word.length));
}

/**
 * Hashing in steps, for enumerating many similar words without building their strings:
 * `foldHash(feedText(feedText(start, a), b))` is the hash of the feature `a + b` of that kind.
 */
export const hashStart = { word: WORD, englishChars: EN } as const;
export function feedText(state: number, text: string, start = 0, end = text.length): number {
  return feed(state, text, start, end);
}
export function feedCode(state: number, code: number): number {
  return Math.imul(state ^ code, 0x01000193);
}
export const foldHash = fold;

function emitBigram(previous: string, unit: string): void {
  let h = feed(BIGRAM, previous, 0, previous.length);
  h = feed(h, '|', 0, 1);
  push(fold(feed(h, unit, 0, unit.length)));
}

/** Features of one message as a bag of hash → count (see emitFeatureHashes). */
export function extractFeatures(raw: string, config: FeatureConfig = defaultFeatureConfig): FeatureBag {
  const { hashes, size } = emitFeatureHashes(raw, config);
  const bag: FeatureBag = new Map();
  for (let i = 0; i < size; i++) { const h = hashes[i]!; bag.set(h, (bag.get(h) ?? 0) + 1); }
  return bag;
}
