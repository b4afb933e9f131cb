import { describe, expect, it } from 'vitest';
import { boostedMargin, defaultBoosting, trainBoostedTrees } from './gradientBoosting.ts';
import { seededRandom } from './seededRandom.ts';

// Same when both features are high or both low: an interaction no single linear cut expresses.
function xorRows(n: number, seed: number): { x: Float32Array; y: Uint8Array } {
  const random = seededRandom(seed);
  const x = new Float32Array(n * 2);
  const y = new Uint8Array(n);
  for (let r = 0; r < n; r++) {
    x[2 * r] = random(); x[2 * r + 1] = random();
    y[r] = (x[2 * r]! > 0.5) === (x[2 * r + 1]! > 0.5) ? 1 : 0;
  }
  return { x, y };
}

describe('trainBoostedTrees', () => {
  const train = xorRows(2000, 1);
  const model = trainBoostedTrees(train.x, train.y, 2, { ...defaultBoosting, rounds: 60 });

  it('learns an interaction of two features', () => {
    const test = xorRows(500, 2);
    let right = 0;
    for (let r = 0; r < 500; r++) if ((boostedMargin(model, test.x, 2 * r) > 0 ? 1 : 0) === test.y[r]) right++;
    expect(right / 500).toBeGreaterThan(0.95);
  });

  it('is deterministic for a seed', () => {
    const again = trainBoostedTrees(train.x, train.y, 2, { ...defaultBoosting, rounds: 60 });
    expect(again.value).toEqual(model.value);
    expect(again.threshold).toEqual(model.threshold);
  });

  it('adds to a given margin instead of starting from the prior', () => {
    const offset = new Float32Array(2000).fill(3);
    const shifted = trainBoostedTrees(train.x, train.y, 2, { ...defaultBoosting, rounds: 5 }, offset);
    expect(shifted.base).toBe(0);
    // the trees pull the too-confident offset down for the negatives
    expect(boostedMargin(shifted, Float32Array.of(0.9, 0.1))).toBeLessThan(0);
  });
});
