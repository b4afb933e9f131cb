import { describe, expect, it } from 'vitest';
import type { KnowledgeImportView } from '@lingxi/contracts';
import { errorsCsv, isImportable, mergeProgress, percentOf, templateCsv } from './importProgress.ts';

const base: KnowledgeImportView = {
  id: '01900000-0000-7000-8000-000000000001', status: 'queued', format: 'xlsx', fileName: '知识库.xlsx', total: 1_000, processed: 2, imported: 0, failed: 2,
  modelVersion: null, failure: null, createdBy: 'a@b.c', createdAt: '2026-06-01T08:00:00.000Z', startedAt: null, finishedAt: null,
  errors: [{ line: 3, problems: [{ path: 'question', message: 'must not be empty' }] }, { line: 9, problems: [{ path: '', message: 'is not valid JSON' }] }],
};

describe('import progress', () => {
  it('keeps the furthest state when pushes arrive out of order, and the errors from the first answer', () => {
    const { errors: _e, ...progress } = base;
    let state = mergeProgress(null, base);
    state = mergeProgress(state, { ...progress, status: 'running', processed: 502 });
    state = mergeProgress(state, { ...progress, status: 'running', processed: 4 });
    expect(state.processed).toBe(502);
    state = mergeProgress(state, { ...progress, status: 'done', processed: 1_000, imported: 998 });
    state = mergeProgress(state, { ...progress, status: 'publishing', processed: 1_000 });
    expect(state).toMatchObject({ status: 'done', imported: 998 });
    expect(state.errors).toHaveLength(2);
  });

  it('shows rows as percent, holding 99 while the bot retrains', () => {
    expect(percentOf({ status: 'running', processed: 500, total: 1_000 })).toBe(50);
    expect(percentOf({ status: 'publishing', processed: 1_000, total: 1_000 })).toBe(99);
    expect(percentOf({ status: 'done', processed: 0, total: 0 })).toBe(100);
  });

  it('writes the bad rows and the template as CSV that Excel opens in Chinese', () => {
    const csv = errorsCsv(base.errors, { line: '行号', field: '字段', problem: '问题' }, (m) => (m === 'must not be empty' ? '不能为空' : m));
    expect(csv).toBe('\uFEFF行号,字段,问题\r\n3,question,不能为空\r\n9,,is not valid JSON\r\n');
    expect(templateCsv({ question: '怎么退货？', similarQuestions: ['可以退吗', '退货流程'], answer: '在「我的订单」申请，运费 "10 元"。', category: '售后', tags: ['退货'] }))
      .toBe('\uFEFFquestion,similarQuestions,answer,category,tags\r\n怎么退货？,可以退吗|退货流程,"在「我的订单」申请，运费 ""10 元""。",售后,退货\r\n');
    expect(['a.xlsx', 'b.CSV', 'c.jsonl', 'd.pdf'].map(isImportable)).toEqual([true, true, true, false]);
  });
});
