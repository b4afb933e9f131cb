// XLSX import and export: the same columns as CSV, on the first sheet; line numbers are sheet rows.
import { readSheet } from 'read-excel-file/node';
import writeExcelFile from 'write-excel-file/node';
import { entryCells, SHEET_COLUMNS, sheetToImportRows, type SheetRecord, type SheetRows } from './columns.ts';

const cellText = (value: unknown): string => (value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : String(value));

/** The first sheet of a workbook → import rows; a file that is not a workbook is a problem of line 1. */
export async function xlsxToImportRows(bytes: Uint8Array): Promise<SheetRows> {
  let data: unknown[][];
  try {
    data = (await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { trim: false })) as unknown[][];
  } catch (error) {
    return { rows: [], headerProblems: [`is not a readable .xlsx workbook (${String((error as Error).message ?? error).slice(0, 120)}); save it from Excel or WPS as .xlsx`] };
  }
  // readSheet keeps empty rows in the middle of the sheet, so the index is the sheet row.
  const records: SheetRecord[] = [];
  data.forEach((row, index) => {
    const cells = row.map(cellText);
    if (cells.some((c) => c.trim() !== '')) records.push({ line: index + 1, cells });
  });
  return sheetToImportRows(records);
}

/** Entries as a workbook with one sheet, a header row and a frozen header. */
export async function entriesToXlsx(entries: Parameters<typeof entryCells>[0][]): Promise<Buffer> {
  const header = SHEET_COLUMNS.map((value) => ({ value, fontWeight: 'bold' as const }));
  const rows = entries.map((e) => entryCells(e).map((value) => ({ value, type: String })));
  return writeExcelFile([header, ...rows] as never, { sheet: 'knowledge', stickyRowsCount: 1, columns: SHEET_COLUMNS.map((c) => ({ width: c === 'answer' ? 60 : c === 'question' || c === 'similarQuestions' ? 36 : 16 })) } as never).toBuffer();
}
