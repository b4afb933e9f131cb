import { KnowledgeImportLine } from '@lingxi/contracts';
import { detectLanguage } from '@lingxi/nlu';
import type { Problem } from '../../platform/errors.ts';
import { csvToImportRows } from './csv.ts';

export type EntryContent = {
  question: string;
  similarQuestions: string[];
  answer: string;
  quickReplies: string[];
  category: string | null;
  tags: string[];
  channels: string[];
  validFrom: Date | null;
  validTo: Date | null;
};

export function languageOf(content: Pick<EntryContent, 'question' | 'similarQuestions'>): 'zh' | 'en' | 'mixed' {
  return detectLanguage([content.question, ...content.similarQuestions].join(' '));
}

/** Time-limited entries (a promotion's rules) answer only inside their window. */
export function isValidAt(entry: { validFrom: Date | null; validTo: Date | null }, now: Date): boolean {
  return (!entry.validFrom || entry.validFrom.getTime() <= now.getTime()) && (!entry.validTo || entry.validTo.getTime() > now.getTime());
}

/** What a version stores and a restore copies back. */
export function snapshotOf(content: EntryContent & { status: string }): Record<string, unknown> {
  return {
    question: content.question,
    similarQuestions: content.similarQuestions,
    answer: content.answer,
    quickReplies: content.quickReplies,
    category: content.category,
    tags: content.tags,
    channels: content.channels,
    validFrom: content.validFrom?.toISOString() ?? null,
    validTo: content.validTo?.toISOString() ?? null,
    status: content.status,
  };
}

export function contentFromSnapshot(snapshot: Record<string, unknown>): EntryContent & { status: 'draft' | 'published' } {
  const s = snapshot as {
    question: string; similarQuestions?: string[]; answer: string; quickReplies?: string[]; category?: string | null;
    tags?: string[]; channels?: string[]; validFrom?: string | null; validTo?: string | null; status?: string;
  };
  return {
    question: s.question,
    similarQuestions: s.similarQuestions ?? [],
    answer: s.answer,
    quickReplies: s.quickReplies ?? [],
    category: s.category ?? null,
    tags: s.tags ?? [],
    channels: s.channels ?? [],
    validFrom: s.validFrom ? new Date(s.validFrom) : null,
    validTo: s.validTo ? new Date(s.validTo) : null,
    status: s.status === 'published' ? 'published' : 'draft',
  };
}

export function contentFromLine(line: KnowledgeImportLine): EntryContent {
  return { ...line, validFrom: line.validFrom ? new Date(line.validFrom) : null, validTo: line.validTo ? new Date(line.validTo) : null };
}

export type ImportRow = { line: number; content: EntryContent };
export type RowError = { line: number; problems: Problem[] };
export type ImportParse = { rows: ImportRow[]; errors: RowError[] };
/** A row as read from the file, before it is checked: `broken` when the line could not even be read. */
export type RawImportRow = { line: number; value: unknown; broken?: string };

/** JSON Lines text → raw rows, numbered by line of the file (blank lines are skipped but counted). */
export function jsonLinesRows(text: string): RawImportRow[] {
  const raw: RawImportRow[] = [];
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    try {
      raw.push({ line: index + 1, value: JSON.parse(line) });
    } catch {
      raw.push({ line: index + 1, value: null, broken: 'is not valid JSON' });
    }
  });
  return raw;
}

/** A missing column or field reads "is required" (the console translates it), not the schema library's wording. */
function rowMessage(issue: { code: string; message: string }): string {
  return issue.code === 'invalid_type' && /received undefined$/.test(issue.message) ? 'is required' : issue.message;
}

/** Why a write failed, fit to store and show: the database's own words (not the query and its values), no NUL, short. */
export function failureReason(error: unknown): string {
  const e = error as { cause?: { message?: string }; message?: string };
  return String(e?.cause?.message ?? e?.message ?? error).replaceAll('\u0000', '').slice(0, 300);
}

/** Fields holding U+0000, which PostgreSQL text cannot store (a whole import would fail on it). */
function nulFields(line: KnowledgeImportLine): string[] {
  return Object.entries(line).flatMap(([key, value]) =>
    typeof value === 'string' ? (value.includes('\u0000') ? [key] : []) : Array.isArray(value) ? value.flatMap((v, i) => (typeof v === 'string' && v.includes('\u0000') ? [`${key}.${i}`] : [])) : [],
  );
}

/** Checks every row on its own: a bad row is reported with its line number and never stops the good ones. */
export function checkImportRows(raw: readonly RawImportRow[]): ImportParse {
  const result: ImportParse = { rows: [], errors: [] };
  const seen = new Map<string, number>();
  for (const row of raw) {
    if (row.broken) {
      result.errors.push({ line: row.line, problems: [{ path: '', message: row.broken }] });
      continue;
    }
    const parsed = KnowledgeImportLine.safeParse(row.value);
    if (!parsed.success) {
      result.errors.push({ line: row.line, problems: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: rowMessage(i) })) });
      continue;
    }
    const nul = nulFields(parsed.data);
    if (nul.length > 0) {
      result.errors.push({ line: row.line, problems: nul.map((path) => ({ path, message: 'contains a NUL character (\\u0000), which cannot be stored' })) });
      continue;
    }
    const earlier = seen.get(parsed.data.question);
    if (earlier !== undefined) {
      result.errors.push({ line: row.line, problems: [{ path: 'question', message: `repeats the question of line ${earlier}` }] });
      continue;
    }
    seen.set(parsed.data.question, row.line);
    result.rows.push({ line: row.line, content: contentFromLine(parsed.data) });
  }
  return result;
}

/** JSON Lines, CSV text or parsed entries → checked rows (XLSX is read by importSource.ts first). */
export function parseImport(input: string | unknown[], format: 'jsonl' | 'csv' = 'jsonl'): ImportParse {
  if (typeof input === 'string' && format === 'csv') {
    const csv = csvToImportRows(input);
    if (csv.headerProblems.length > 0) return { rows: [], errors: [{ line: 1, problems: csv.headerProblems.map((message) => ({ path: '', message })) }] };
    return checkImportRows(csv.rows);
  }
  if (typeof input === 'string') return checkImportRows(jsonLinesRows(input));
  return checkImportRows(input.map((value, index) => ({ line: index + 1, value })));
}

/** An entry's content back in the import line shape (dates as ISO text): what a job payload carries. */
export function lineOfContent(content: EntryContent): KnowledgeImportLine {
  return { ...content, channels: content.channels as KnowledgeImportLine['channels'], validFrom: content.validFrom?.toISOString() ?? null, validTo: content.validTo?.toISOString() ?? null };
}
