import { normalize } from './normalize.ts';
import { stem } from './stem.ts';
import { tokenRuns } from './tokenize.ts';

/** Hashed sparse bag of features: feature hash → raw count. */
export type FeatureBag = Map<number, number>;

/** FNV-1a, 32 bits: stable across runs and platforms, so models can be saved. */
export function hashFeature(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function add(bag: FeatureBag, feature: string, weight = 1): void {
  const h = hashFeature(feature);
  bag.set(h, (bag.get(h) ?? 0) + weight);
}

function charGrams(bag: FeatureBag, prefix: string, text: string, min: number, max: number): void {
  const chars = Array.from(text);
  for (let n = min; n <= max; n++) {
    for (let i = 0; i + n <= chars.length; i++) add(bag, prefix + chars.slice(i, i + n).join(''));
  }
}

/**
 * Features of one message: words and word bigrams, English stems, Chinese character
 * 1–4-grams, English character 2–5-grams inside word boundaries, and marks (!, ?, emoji).
 */
export function extractFeatures(raw: string): FeatureBag {
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
    add(bag, `b|${previous}|${unit}`);
    previous = unit;
    if (t.kind === 'zh') han += t.text;
    else {
      if (han) { charGrams(bag, 'c|', `<${han}>`, 1, 4); han = ''; }
      if (t.kind === 'en') charGrams(bag, 'e|', ` ${t.text} `, 2, 5);
    }
  }
  if (han) charGrams(bag, 'c|', `<${han}>`, 1, 4);
  if (previous !== '^') add(bag, `b|${previous}|$`);
  return bag;
}
