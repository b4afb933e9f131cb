import { describe, expect, it } from 'vitest';
import { serializeIntentModel, loadIntentModel } from './intentCodec.ts';
import { trainIntentModel } from './intentModel.ts';
import { loadPairScorer, PAIR_MODEL_VERSION, serializePairScorer, trainPairScorer, type TextPair } from './pairScorer.ts';
import { similarities, SIMILARITY_COUNT, viewQuestion } from './pairFeatures.ts';
import { learnWordVectors, WordSpace } from './pairEmbedding.ts';
import { pairV1Base64, pairV1Scores } from './pairScorerV1.test-data.ts';
import { bestThreshold } from './pairStages.ts';

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
    expect(scorer.stats).toMatchObject({ pairs: 48, positives: 24, trainMs: 0, createdAt: '2026-11-22T00:00:00Z', trees: 30, threshold: 0.5 });
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

describe('word vectors from the training questions', () => {
  it('put words used in the same company near each other, deterministically', () => {
    const texts = [
      '花呗怎么还款', '借呗怎么还款', '花呗额度怎么提升', '借呗额度怎么提升', '花呗逾期了怎么办', '借呗逾期了怎么办',
      '余额宝收益怎么算', '余额宝怎么转出', '余额宝收益多少', '余额宝转出到银行卡',
    ];
    const views = [...texts, ...texts].map(viewQuestion);
    const vectors = learnWordVectors(views, { size: 4, window: 4, minCount: 2, iterations: 6, seed: 5 });
    const space = new WordSpace(vectors);
    const cos = (x: string, y: string) => space.cosine(space.row(x), space.row(y));
    expect(space.row('花呗')).toBeGreaterThanOrEqual(0);
    expect(cos('花呗', '借呗')).toBeGreaterThan(cos('花呗', '余额宝'));
    expect(learnWordVectors(views, { size: 4, window: 4, minCount: 2, iterations: 6, seed: 5 }).vectors).toEqual(vectors.vectors);
  });
});

describe('pair scorer with and without word vectors', () => {
  it('stores the vectors it learned, and round-trips either way', () => {
    const withVectors = serializePairScorer(trainPairScorer(training, fixed));
    const plain = trainPairScorer(training, { ...fixed, embedding: false });
    const plainBytes = serializePairScorer(plain);
    expect(plainBytes.length).toBeLessThan(withVectors.length);
    const loaded = loadPairScorer(plainBytes);
    for (const [a, b] of [...same, ...different]) expect(loaded.score(a!, b!)).toBe(plain.score(a!, b!));
    expect(serializePairScorer(loaded)).toEqual(plainBytes);
  });
});

describe('decision threshold', () => {
  it('is the cut that answers the most pairs right, nearest 0.5 among ties', () => {
    const labels = Uint8Array.from([0, 0, 0, 1, 0, 1, 1]);
    expect(bestThreshold([0.1, 0.2, 0.3, 0.55, 0.6, 0.7, 0.9], labels)).toBeCloseTo(0.425); // ties with 0.65 (6 of 7)
    expect(bestThreshold([0.1, 0.2, 0.3, 0.55, 0.6, 0.7, 0.9], Uint8Array.from([0, 0, 0, 0, 0, 1, 1]))).toBeCloseTo(0.65);
    // all different: the cut goes above every score rather than losing to the majority
    expect(bestThreshold([0.6, 0.7, 0.8], Uint8Array.from([0, 0, 0]))).toBeGreaterThan(0.8);
  });
  it('is chosen on out-of-fold predictions when asked, and kept in the stats', () => {
    const tuned = trainPairScorer([...training, ...training], { ...fixed, thresholdFolds: 2 });
    expect(tuned.stats.threshold).toBeGreaterThan(0);
    expect(tuned.stats.threshold).toBeLessThan(1);
    expect(loadPairScorer(serializePairScorer(tuned)).stats.threshold).toBe(tuned.stats.threshold);
    expect(trainPairScorer(training, fixed).stats.threshold).toBe(0.5);
  });
});

describe('older pair scorers', () => {
  it('load lingxi-pair/1 bytes and score exactly as before, deciding at 0.5', () => {
    const old = loadPairScorer(Uint8Array.from(Buffer.from(pairV1Base64, 'base64')));
    expect(old.version).toBe('lingxi-pair/1');
    expect(old.stats.threshold).toBe(0.5);
    for (const [a, b, score] of pairV1Scores) {
      expect(old.score(a, b)).toBe(score);
      expect(old.same(a, b)).toBe(score >= 0.5);
    }
  });
});
