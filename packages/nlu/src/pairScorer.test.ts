import { describe, expect, it } from 'vitest';
import { serializeIntentModel, loadIntentModel } from './intentCodec.ts';
import { trainIntentModel } from './intentModel.ts';
import { loadPairScorer, PAIR_MODEL_VERSION, serializePairScorer, trainPairScorer, type TextPair } from './pairScorer.ts';
import { similarities, SIMILARITY_COUNT, viewQuestion } from './pairFeatures.ts';

const same: [string, string][] = [
  ['花呗怎么还款', '花呗如何还款'], ['怎么开通花呗', '花呗如何开通'], ['借呗额度怎么提升', '如何提高借呗额度'],
  ['花呗账单在哪看', '在哪里查看花呗账单'], ['借呗可以提前还款吗', '借呗能提前还吗'], ['花呗分期怎么取消', '如何取消花呗分期'],
];
const different: [string, string][] = [
  ['借呗额度', '花呗额度'], ['花呗逾期', '借呗提前还款'], ['花呗怎么还款', '花呗怎么不能用了'],
  ['借呗利息多少', '花呗账单在哪看'], ['花呗可以提现吗', '借呗可以提前还款吗'], ['怎么开通花呗', '怎么关闭花呗'],
];
const pairs: TextPair[] = [...same.map(([a, b]) => ({ a, b, label: 1 })), ...different.map(([a, b]) => ({ a, b, label: 0 }))];
const training = [...pairs, ...pairs, ...pairs, ...pairs];
const fixed = { now: () => 0, createdAt: '2026-11-22T00:00:00Z', boosting: { minLeaf: 3, rounds: 30 } };

describe('pair features', () => {
  it('describe a pair densely, each similarity in [0, 1]', () => {
    const s = similarities(viewQuestion('花呗不能还款了'), viewQuestion('花呗可以还款 3 次吗'), () => 1, 1);
    expect(s).toHaveLength(SIMILARITY_COUNT);
    for (const v of s) { expect(v).toBeGreaterThanOrEqual(0); expect(v).toBeLessThanOrEqual(1); }
    const identical = similarities(viewQuestion('花呗怎么还款'), viewQuestion('花呗怎么还款'), () => 1, 1);
    expect(identical[0]).toBeCloseTo(1);
    expect(identical[12]).toBe(0); // edit distance
  });
  it('flag a negation on one side only and numbers that differ', () => {
    const s = similarities(viewQuestion('花呗能用'), viewQuestion('花呗不能用'), () => 1, 1);
    expect(s[20]).toBe(1);
    const n = similarities(viewQuestion('分3期'), viewQuestion('分6期'), () => 1, 1);
    expect(n[22]).toBe(1);
  });
});

describe('trainPairScorer', () => {
  const scorer = trainPairScorer(training, fixed);

  it('separates the pairs it learned', () => {
    const right = pairs.filter((p) => scorer.same(p.a, p.b) === (p.label === 1)).length;
    expect(right).toBeGreaterThanOrEqual(10);
    expect(scorer.score('花呗怎么还款', '花呗如何还款')).toBeGreaterThan(scorer.score('借呗额度', '花呗额度'));
  });

  it('records version and stats', () => {
    expect(scorer.version).toBe(PAIR_MODEL_VERSION);
    expect(scorer.stats).toMatchObject({ pairs: 48, positives: 24, trainMs: 0, createdAt: '2026-11-22T00:00:00Z', trees: 30 });
  });

  it('round-trips through bytes with identical scores, and trains deterministically', () => {
    const bytes = serializePairScorer(scorer);
    const loaded = loadPairScorer(bytes);
    for (const [a, b] of [...same, ...different, ['余额宝', '蚂蚁借呗怎么开通']]) expect(loaded.score(a!, b!)).toBe(scorer.score(a!, b!));
    expect(loaded.stats).toEqual(scorer.stats);
    expect(serializePairScorer(trainPairScorer(training, fixed))).toEqual(bytes);
    expect(serializePairScorer(loaded)).toEqual(bytes);
  });

  it('refuses bytes of another kind of model, clearly', () => {
    const intent = serializeIntentModel(trainIntentModel([{ text: 'a', label: 'x' }, { text: 'b', label: 'y' }]));
    expect(() => loadPairScorer(intent)).toThrow(/pair scorer/);
    expect(() => loadIntentModel(serializePairScorer(scorer))).toThrow(/intent model/);
  });
});
