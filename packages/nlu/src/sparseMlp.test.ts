import { describe, expect, it } from 'vitest';
import { defaultMlpTraining, mlpScoresOf, trainSparseMlp } from './sparseMlp.ts';
import type { SparseVector } from './vectorizer.ts';

const v = (pairs: [number, number][]): SparseVector => ({ index: Int32Array.from(pairs.map((p) => p[0])), value: Float32Array.from(pairs.map((p) => p[1])), coverage: 1 });
// class 1 only when features 0 and 1 come together; either alone is class 0: a conjunction
const xs = [v([[0, 1]]), v([[1, 1]]), v([[0, 0.7], [1, 0.7]]), v([[2, 1]]), v([[0, 0.7], [2, 0.7]]), v([[1, 0.7], [2, 0.7]])];
const ys = Int32Array.of(0, 0, 1, 0, 0, 0);
const repeated = Array.from({ length: 20 }, () => xs).flat();
const labels = Int32Array.from(Array.from({ length: 20 }, () => [...ys]).flat());

describe('trainSparseMlp', () => {
  const options = { ...defaultMlpTraining, epochs: 30, learningRate: 0.1, minDf: 1 };
  const model = trainSparseMlp(repeated, labels, 2, 3, options);
  const predict = (x: SparseVector) => {
    const out = mlpScoresOf(model, x.index, x.value, x.index.length, new Float64Array(model.hidden), new Float64Array(2));
    return out[1]! > out[0]! ? 1 : 0;
  };

  it('learns a conjunction of features', () => {
    expect(xs.map(predict)).toEqual([...ys]);
  });

  it('is deterministic for a seed', () => {
    expect(trainSparseMlp(repeated, labels, 2, 3, options).embed).toEqual(model.embed);
  });

  it('leaves features seen in fewer than minDf examples at zero', () => {
    const rare = trainSparseMlp([v([[0, 1]]), v([[1, 1]]), v([[1, 1]])], Int32Array.of(0, 1, 1), 2, 2, { ...defaultMlpTraining, minDf: 2 });
    expect(rare.embed.subarray(0, rare.hidden).every((w) => w === 0)).toBe(true);
    expect(rare.embed.subarray(rare.hidden).some((w) => w !== 0)).toBe(true);
  });
});
