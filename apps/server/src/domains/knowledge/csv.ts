// CSV import and export (RFC 4180: quoted fields, doubled quotes, newlines inside quotes). Lists use "|" inside a cell.
import { entryCells, SHEET_COLUMNS, sheetToImportRows, type SheetRecord, type SheetRows } from './columns.ts';

/** Splits CSV text into records, each with the line it starts on. */
export function csvRecords(text: string): SheetRecord[] {
  const records: SheetRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else if (c === '\r' && body[i + 1] === '\n') continue;
      else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      cells.push(cell);
      if (cells.some((x) => x.trim() !== '')) records.push({ line: start, cells });
      cells = [];
      cell = '';
      line++;
      start = line;
    } else cell += c;
  }
  cells.push(cell);
  if (cells.some((x) => x.trim() !== '')) records.push({ line: start, cells });
  return records;
}

/** CSV with a header row → import rows (same shape as a JSON Lines line), keeping each row's line number. */
export function csvToImportRows(text: string): SheetRows {
  return sheetToImportRows(csvRecords(text));
}

const quote = (cell: string) => (/[",\r\n]/.test(cell) || /^\s|\s$/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

/** Entries as CSV with a BOM (so spreadsheet programs read the Chinese as UTF-8) and CRLF line ends. */
export function entriesToCsv(entries: Parameters<typeof entryCells>[0][]): string {
  const lines = [SHEET_COLUMNS.join(','), ...entries.map((e) => entryCells(e).map(quote).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
