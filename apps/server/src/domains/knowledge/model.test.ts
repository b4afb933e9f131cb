import { describe, expect, it } from 'vitest';
import { isValidAt, languageOf, parseImport } from './model.ts';

describe('parseImport', () => {
  it('reports every bad row with its line and keeps the good ones', () => {
    const text = [
      JSON.stringify({ question: '怎么退货？', similarQuestions: ['我要退货'], answer: '在订单里申请。' }),
      '',
      '{not json',
      JSON.stringify({ question: '', answer: '' }),
      JSON.stringify({ question: 'Refund?', answer: 'Yes', validFrom: '2026-02-01T00:00:00Z', validTo: '2026-01-01T00:00:00Z' }),
      JSON.stringify({ question: '怎么退货？', answer: 'again' }),
    ].join('\n');
    const parsed = parseImport(text);
    expect(parsed.rows.map((r) => r.line)).toEqual([1]);
    expect(parsed.errors.map((e) => e.line)).toEqual([3, 4, 5, 6]);
    expect(parsed.errors[1]!.problems.map((p) => p.path).sort()).toEqual(['answer', 'question']);
    expect(parsed.errors[2]!.problems[0]!.path).toBe('validTo');
    expect(parsed.errors[3]!.problems[0]!.message).toContain('line 1');
  });

  it('takes an array of entries too', () => {
    const parsed = parseImport([{ question: 'a', answer: 'b' }, { question: 3 }]);
    expect(parsed.rows).toHaveLength(1);
    expect(parsed.errors[0]!.line).toBe(2);
  });
});

describe('CSV import', () => {
  it('reads quoted cells, lists and multi-line answers, and reports rows by their line', () => {
    const csv = [
      'question,similarQuestions,answer,category,tags',
      '怎么退货？,我要退货|退货流程,"在订单里申请，""七天无理由""。",退货,returns|售后',
      ',,no question',
      'How do I return it?,return it,"Line one',
      'line two",Returns,',
    ].join('\r\n');
    const parsed = parseImport(csv, 'csv');
    expect(parsed.rows.map((r) => r.line)).toEqual([2, 4]);
    expect(parsed.rows[0]!.content).toMatchObject({ question: '怎么退货？', similarQuestions: ['我要退货', '退货流程'], answer: '在订单里申请，"七天无理由"。', tags: ['returns', '售后'] });
    expect(parsed.rows[1]!.content.answer).toBe('Line one\nline two');
    expect(parsed.errors).toEqual([{ line: 3, problems: [{ path: 'question', message: expect.any(String) }] }]);
  });

  it('names unknown columns', () => {
    expect(parseImport('question,answr\na,b', 'csv').errors[0]!.problems[0]!.message).toContain('answr');
  });
});

describe('entry rules', () => {
  it('knows the language of an entry and its validity window', () => {
    expect(languageOf({ question: '怎么退货', similarQuestions: ['退货流程'] })).toBe('zh');
    expect(languageOf({ question: 'How do I return it', similarQuestions: [] })).toBe('en');
    const now = new Date('2026-06-01T00:00:00Z');
    expect(isValidAt({ validFrom: null, validTo: null }, now)).toBe(true);
    expect(isValidAt({ validFrom: new Date('2026-07-01T00:00:00Z'), validTo: null }, now)).toBe(false);
    expect(isValidAt({ validFrom: null, validTo: new Date('2026-05-01T00:00:00Z') }, now)).toBe(false);
  });
});
