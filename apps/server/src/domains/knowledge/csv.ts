// CSV import (RFC 4180: quoted fields, doubled quotes, newlines inside quotes). Lists use "|" inside a cell.

const LIST_COLUMNS = new Set(['similarQuestions', 'tags', 'channels', 'quickReplies']);
const COLUMNS = new Set(['question', 'similarQuestions', 'answer', 'category', 'tags', 'channels', 'quickReplies', 'validFrom', 'validTo']);

/** Splits CSV text into records, each with the line it starts on. */
export function csvRecords(text: string): { line: number; cells: string[] }[] {
  const records: { line: number; cells: string[] }[] = [];
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

/**
 * Turns CSV with a header row into import rows (same shape as a JSON Lines line), keeping each row's
 * line number; unknown header columns are a problem of line 1.
 */
export function csvToImportRows(text: string): { rows: { line: number; value: Record<string, unknown> }[]; headerProblems: string[] } {
  const [header, ...records] = csvRecords(text);
  if (!header) return { rows: [], headerProblems: ['the file is empty'] };
  const names = header.cells.map((h) => h.trim());
  const headerProblems = names.filter((n) => !COLUMNS.has(n)).map((n) => `unknown column "${n}" (known: ${[...COLUMNS].join(', ')})`);
  const rows = records.map((r) => {
    const value: Record<string, unknown> = {};
    names.forEach((name, i) => {
      const raw = (r.cells[i] ?? '').trim();
      if (!COLUMNS.has(name) || raw === '') return;
      value[name] = LIST_COLUMNS.has(name) ? raw.split('|').map((s) => s.trim()).filter(Boolean) : raw;
    });
    return { line: r.line, value };
  });
  return { rows, headerProblems };
}
