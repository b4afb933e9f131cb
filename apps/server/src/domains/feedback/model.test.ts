import { describe, expect, it } from 'vitest';
import { netPromoterScore, npsCategory } from './model.ts';

describe('net promoter score', () => {
  it.each([[0, 'detractor'], [6, 'detractor'], [7, 'passive'], [8, 'passive'], [9, 'promoter'], [10, 'promoter']] as const)('%i is a %s', (score, category) => {
    expect(npsCategory(score)).toBe(category);
  });
  it.each([
    [{ promoters: 0, passives: 0, detractors: 0 }, null],
    [{ promoters: 5, passives: 3, detractors: 2 }, 30],
    [{ promoters: 0, passives: 1, detractors: 3 }, -75],
    [{ promoters: 1, passives: 1, detractors: 1 }, 0],
    [{ promoters: 2, passives: 1, detractors: 0 }, 67],
  ])('%o → %s', (counts, nps) => expect(netPromoterScore(counts)).toBe(nps));
});
