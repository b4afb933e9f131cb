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

function count(bag: FeatureBag, h: number): void {
  bag.set(h, (bag.get(h) ?? 0) + 1);
}

function add(bag: FeatureBag, feature: string): void {
  count(bag, hashFeature(feature));
}

/**
 * Character n-grams hashed as prefix + n-gram without building the strings: the same hashes
 * as hashFeature(prefix + gram), with no allocation (runs hold only BMP characters).
 */
function charGrams(bag: FeatureBag, prefix: string, text: string, min: number, max: number): void {
  const seed = feed(FNV_OFFSET, prefix, 0, prefix.length);
  for (let i = 0; i < text.length; i++) {
    let h = seed;
    for (let n = 1; n <= max && i + n <= text.length; n++) {
      h = feed(h, text, i + n - 1, i + n);
      if (n >= min) count(bag, fold(h));
    }
  }
}

/** Which n-grams a model extracts; stored with the model so loading re-extracts the same ones. */
export type FeatureConfig = { zhChars: readonly [number, number]; enChars: readonly [number, number]; wordBigrams: boolean };
export const defaultFeatureConfig: FeatureConfig = { zhChars: [1, 4], enChars: [2, 5], wordBigrams: true };

/**
 * Features of one message: words and word bigrams, English stems, Chinese character
 * 1–4-grams, English character 2–5-grams inside word boundaries, and marks (!, ?, emoji).
 */
export function extractFeatures(raw: string, config: FeatureConfig = defaultFeatureConfig): FeatureBag {
  const text = normalize(raw);
  const bag: FeatureBag = new Map();
  const tokens = tokenRuns(text);
  let han = '';
  let previous = '^';
  for (const t of tokens) {
    if (t.kind === 'mark') { add(bag, `m|${t.text}`); continue; }
    const unit = t.kind === 'en' ? stem(t.text) : t.kind === 'num' ? `#${Math.min(t.text.length, 12)}` : t.text;
    add(bag, `w|${t.text}`);
    if (t.kind === 'en' && unit !== t.text) add(bag, `s|${unit}`);
    if (config.wordBigrams) add(bag, `b|${previous}|${unit}`);
    previous = unit;
    if (t.kind === 'zh') han += t.text;
    else {
      if (han) { charGrams(bag, 'c|', `<${han}>`, ...config.zhChars); han = ''; }
      if (t.kind === 'en') charGrams(bag, 'e|', ` ${t.text} `, ...config.enChars);
    }
  }
  if (han) charGrams(bag, 'c|', `<${han}>`, ...config.zhChars);
  if (previous !== '^' && config.wordBigrams) add(bag, `b|${previous}|$`);
  return bag;
}
