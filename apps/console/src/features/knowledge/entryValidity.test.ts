import { describe, expect, it } from 'vitest';
import { newSimilarQuestions, validityOf } from './entryValidity.ts';

describe('validityOf', () => {
  const now = new Date('2026-11-22T04:00:00Z');
  it.each([
    [null, null, 'always'],
    ['2026-11-01T00:00:00Z', null, 'active'],
    ['2026-12-01T00:00:00Z', null, 'notYet'],
    [null, '2026-11-22T04:00:00Z', 'expired'],
    ['2026-11-01T00:00:00Z', '2026-12-01T00:00:00Z', 'active'],
  ])('%s – %s → %s', (validFrom, validTo, state) => {
    expect(validityOf({ validFrom, validTo }, now).state).toBe(state);
  });
});

describe('newSimilarQuestions', () => {
  it('takes one question a line, without list markers, blanks or repeats', () => {
    expect(newSimilarQuestions('1. 怎么退货\n\n- 退货流程？\n怎么退货\n• how to return；Return policy', ['退货流程？'], 'How to return')).toEqual(['怎么退货', 'Return policy']);
  });
});
