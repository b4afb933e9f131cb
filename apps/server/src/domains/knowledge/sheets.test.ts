import { describe, expect, it } from 'vitest';
import { csvToImportRows, entriesToCsv } from './csv.ts';
import { readImportSource } from './importSource.ts';
import { checkImportRows } from './model.ts';
import { entriesToXlsx, xlsxToImportRows } from './xlsx.ts';

const entry = {
  question: '七天无理由退货怎么退？',
  similarQuestions: ['不想要了能退吗', '怎么申请退货, 包装拆了'],
  answer: '在「我的订单」申请退货，\n保持包装完整；运费 "10 元" 由买家承担。',
  category: '退货',
  tags: ['退货', 'returns'],
  quickReplies: ['退款多久到账'],
  channels: ['web'],
  validFrom: null,
  validTo: '2027-01-01T00:00:00.000Z',
};

describe('knowledge sheets (CSV and XLSX share the columns)', () => {
  it('round-trips Chinese text, commas, quotes, line breaks and lists through CSV', () => {
    const csv = entriesToCsv([entry]);
    expect(csv.startsWith('\uFEFFquestion,similarQuestions,answer,category,tags')).toBe(true);
    const { rows, headerProblems } = csvToImportRows(csv);
    expect(headerProblems).toEqual([]);
    const checked = checkImportRows(rows);
    expect(checked.errors).toEqual([]);
    expect(checked.rows[0]!.content).toMatchObject({ ...entry, validTo: new Date(entry.validTo) });
  });

  it('round-trips through XLSX and numbers rows by sheet row', async () => {
    const bytes = await entriesToXlsx([entry, { ...entry, question: '', answer: 'no question' }]);
    const { rows, headerProblems } = await xlsxToImportRows(bytes);
    expect(headerProblems).toEqual([]);
    const checked = checkImportRows(rows);
    expect(checked.rows.map((r) => [r.line, r.content.question])).toEqual([[2, entry.question]]);
    expect(checked.rows[0]!.content).toMatchObject({ ...entry, validTo: new Date(entry.validTo) });
    expect(checked.errors.map((e) => [e.line, e.problems[0]!.path])).toEqual([[3, 'question']]);
  });

  it('reads Chinese headers and lists split by line breaks; names unknown columns', () => {
    const { rows } = csvToImportRows('问题,相似问法,答案,分类\n能开发票吗？,"开票\n要发票",可以。,发票\n');
    expect(rows[0]!.value).toEqual({ question: '能开发票吗？', similarQuestions: ['开票', '要发票'], answer: '可以。', category: '发票' });
    expect(csvToImportRows('question,answer,price\nq,a,1\n').headerProblems[0]).toMatch(/unknown column "price"/);
  });

  it('reads a CSV that Excel saved in the Chinese code page (GB18030) as well as UTF-8 with a BOM', async () => {
    // "question,answer\n退货,七天无理由\n" as Excel on Chinese Windows writes it
    const gbk = Uint8Array.from([...Buffer.from('question,answer\n'), 0xcd, 0xcb, 0xbb, 0xf5, 0x2c, 0xc6, 0xdf, 0xcc, 0xec, 0xce, 0xde, 0xc0, 0xed, 0xd3, 0xc9, 0x0a]);
    expect((await readImportSource('csv', gbk)).rows[0]!.value).toEqual({ question: '退货', answer: '七天无理由' });
    const utf8 = new TextEncoder().encode('\uFEFFquestion,answer\n退货,七天无理由\n');
    expect((await readImportSource('csv', utf8)).rows[0]!.value).toEqual({ question: '退货', answer: '七天无理由' });
  });

  it('says when a file is not a workbook', async () => {
    const { headerProblems } = await xlsxToImportRows(new TextEncoder().encode('question,answer\n'));
    expect(headerProblems[0]).toMatch(/not a readable \.xlsx workbook/);
  });
});
