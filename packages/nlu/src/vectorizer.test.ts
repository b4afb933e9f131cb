import { describe, expect, it } from 'vitest';
import { emitFeatureHashes, extractFeatures, hashFeature } from './features.ts';
import { fitVocabulary, vectorize, vectorizeHashes, vectorScratch } from './vectorizer.ts';

const texts = ['How do I activate my new card please?', '我想退货，运费谁出？花呗可以分期吗', 'mixed 退款 refund 12345!!', '', '😡😡 still waiting'];

describe('feature hashes without allocation', () => {
  it('are the hashes of the feature strings', () => {
    const bag = extractFeatures('refunds 退货');
    expect(bag.get(hashFeature('w|refunds'))).toBe(1);
    expect(bag.get(hashFeature('s|refund'))).toBe(1);
    expect(bag.get(hashFeature('b|^|refund'))).toBe(1);
    expect(bag.get(hashFeature('c|退货'))).toBe(1);
    expect(bag.get(hashFeature('e| re'))).toBe(1);
  });

  it('count what the bag counts', () => {
    for (const text of texts) {
      const { hashes, size } = emitFeatureHashes(text);
      const counted = new Map<number, number>();
      for (let i = 0; i < size; i++) counted.set(hashes[i]!, (counted.get(hashes[i]!) ?? 0) + 1);
      expect(counted).toEqual(extractFeatures(text));
    }
  });

  it('vectorize in place to the same vector as the bag path, reusing one scratch', () => {
    const vocabulary = fitVocabulary(texts.slice(0, 3).map((t) => extractFeatures(t)));
    const scratch = vectorScratch();
    for (const text of [...texts, 'activate the card 花呗 and more words it never saw']) {
      const expected = vectorize(extractFeatures(text), vocabulary);
      const got = vectorizeHashes(emitFeatureHashes(text), vocabulary, scratch);
      expect(got).toBe(scratch);
      const asMap = (index: ArrayLike<number>, value: ArrayLike<number>, n: number) => new Map(Array.from({ length: n }, (_, k) => [index[k], value[k]]));
      const a = asMap(expected.index, expected.value, expected.index.length);
      const b = asMap(got.index, got.value, got.length);
      expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
      for (const [i, v] of a) expect(b.get(i)).toBeCloseTo(v!, 6);
      expect(got.coverage).toBeCloseTo(expected.coverage, 10);
    }
  });
});
