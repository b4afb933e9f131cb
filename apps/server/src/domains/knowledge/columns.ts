// The columns of a knowledge sheet (CSV or XLSX): one entry a row, a header row first, lists joined by "|" in a cell.

export const LIST_SEPARATOR = '|';
const LIST_COLUMNS = new Set(['similarQuestions', 'tags', 'channels', 'quickReplies']);
/** In export order: the contract's five first, then what a full round trip needs. */
export const SHEET_COLUMNS = ['question', 'similarQuestions', 'answer', 'category', 'tags', 'quickReplies', 'channels', 'validFrom', 'validTo'] as const;
type Column = (typeof SHEET_COLUMNS)[number];

// Headers people write in their own spreadsheets, Chinese included; matched without case and spaces.
const ALIASES: Record<string, Column> = {
  问题: 'question', 标准问题: 'question', 标准问: 'question',
  相似问题: 'similarQuestions', 相似问法: 'similarQuestions', 相似问: 'similarQuestions', similar: 'similarQuestions',
  答案: 'answer', 回答: 'answer', 分类: 'category', 类别: 'category', 标签: 'tags', 快捷回复: 'quickReplies', 渠道: 'channels',
  生效时间: 'validFrom', 失效时间: 'validTo',
};
const byKey = new Map<string, Column>([...SHEET_COLUMNS.map((c) => [c.toLowerCase(), c] as const), ...Object.entries(ALIASES)]);

export function columnOf(header: string): Column | null {
  return byKey.get(header.replace(/\s+/g, '').toLowerCase()) ?? null;
}

export type SheetRecord = { line: number; cells: string[] };
export type SheetRows = { rows: { line: number; value: Record<string, unknown> }[]; headerProblems: string[] };

/**
 * Turns a header row and records into import rows (the shape of a JSON Lines line), each with its line;
 * an unknown header is a problem of line 1. A list cell splits on "|" or line breaks.
 */
export function sheetToImportRows(records: SheetRecord[]): SheetRows {
  const [header, ...body] = records;
  if (!header) return { rows: [], headerProblems: ['the file is empty: the first row must name the columns (question, similarQuestions, answer, category, tags)'] };
  const names = header.cells.map((h) => h.trim());
  const columns = names.map(columnOf);
  const headerProblems = names
    .filter((n, i) => n !== '' && columns[i] === null)
    .map((n) => `unknown column "${n}" (known: ${SHEET_COLUMNS.join(', ')})`);
  if (!columns.includes('question') && headerProblems.length === 0) headerProblems.push(`no "question" column in the first row (columns: ${SHEET_COLUMNS.join(', ')})`);
  const rows = body.map((r) => {
    const value: Record<string, unknown> = {};
    columns.forEach((column, i) => {
      const raw = (r.cells[i] ?? '').trim();
      if (!column || raw === '') return;
      value[column] = LIST_COLUMNS.has(column) ? raw.split(/[|\n]/).map((s) => s.trim()).filter(Boolean) : raw;
    });
    return { line: r.line, value };
  });
  return { rows, headerProblems };
}

/** One entry as sheet cells, in SHEET_COLUMNS order (what an export writes and an import reads back). */
export function entryCells(entry: { question: string; similarQuestions: string[]; answer: string; category: string | null; tags: string[]; quickReplies: string[]; channels: string[]; validFrom: string | null; validTo: string | null }): string[] {
  const list = (items: string[]) => items.join(LIST_SEPARATOR);
  return [entry.question, list(entry.similarQuestions), entry.answer, entry.category ?? '', list(entry.tags), list(entry.quickReplies), list(entry.channels), entry.validFrom ?? '', entry.validTo ?? ''];
}
