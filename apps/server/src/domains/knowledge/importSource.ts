// What an import file holds, read into raw rows by its format (XLSX needs an async unzip, hence not in model.ts).
import { csvToImportRows } from './csv.ts';
import { jsonLinesRows, type RawImportRow } from './model.ts';
import { xlsxToImportRows } from './xlsx.ts';

export type ImportFormat = 'jsonl' | 'json' | 'csv' | 'xlsx';
export type ReadSource = { rows: RawImportRow[]; headerProblems: string[] };

/** The format from the file name, else the content type; JSON Lines when neither says. */
export function formatOf(fileName: string | null, contentType: string | null): ImportFormat {
  const ext = fileName?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  if (ext === 'xlsx' || contentType?.includes('spreadsheetml')) return 'xlsx';
  if (ext === 'csv' || contentType?.startsWith('text/csv')) return 'csv';
  if (ext === 'json' || contentType?.startsWith('application/json')) return 'json';
  return 'jsonl';
}

/** A .json file: an array of entries or {entries: [...]}; "line" is then the entry's number (from 1). */
function jsonRows(text: string): ReadSource {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    // Many ".json" exports are really JSON Lines.
    return { rows: jsonLinesRows(text), headerProblems: [] };
  }
  const entries = Array.isArray(value) ? value : (value as { entries?: unknown })?.entries;
  if (!Array.isArray(entries)) return { rows: [], headerProblems: ['a .json file must be an array of entries or {"entries": [...]}'] };
  return { rows: entries.map((v, i) => ({ line: i + 1, value: v })), headerProblems: [] };
}

/** UTF-8 (a BOM is dropped), else GB18030: Excel on Chinese Windows saves "CSV" in the system code page. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export async function readImportSource(format: ImportFormat, bytes: Uint8Array): Promise<ReadSource> {
  if (format === 'xlsx') return xlsxToImportRows(bytes);
  const text = decodeText(bytes);
  if (format === 'csv') return csvToImportRows(text);
  if (format === 'json') return jsonRows(text);
  return { rows: jsonLinesRows(text), headerProblems: [] };
}
