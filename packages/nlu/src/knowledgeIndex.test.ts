import { describe, expect, it } from 'vitest';
import { shopFaq } from './faqFixture.test-data.ts';
import { buildKnowledgeIndex } from './knowledgeIndex.ts';

describe('buildKnowledgeIndex', () => {
  const index = buildKnowledgeIndex(shopFaq);

  it('finds entries by question words in both languages', () => {
    expect(index.search('退货流程')[0]).toMatchObject({ id: 'return', matchedQuestion: '退货流程是什么' });
    expect(index.search('reset my password')[0]).toMatchObject({ id: 'password', matchedQuestion: 'reset password' });
  });

  it('scores an exact question near 1 and unrelated words near 0', () => {
    expect(index.search('怎么开发票')[0]?.score).toBeGreaterThan(0.9);
    expect(index.search('今天天气')[0]?.score ?? 0).toBeLessThan(0.2);
  });

  it('lets answers count, less than questions', () => {
    expect(index.search('七天无理由')[0]?.id).toBe('return');
  });

  it('returns at most k hits and reports its size', () => {
    expect(index.search('怎么', 2).length).toBeLessThanOrEqual(2);
    expect(index.size).toBe(8);
  });
});
