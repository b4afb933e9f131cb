import type { KnowledgeDeps } from '../deps.ts';
import { readImportSource, type ImportFormat } from '../importSource.ts';
import { checkImportRows, parseImport, type ImportParse, type RowError } from '../model.ts';
import { publishKnowledge } from './publishKnowledge.ts';
import { writeEntries } from './writeEntries.ts';

export type ImportResult = { imported: number; errors: RowError[]; modelVersion: number | null };

/**
 * Imports JSON Lines, CSV or parsed entries in one transaction: good rows are published (an entry with the
 * same question is updated, as a new version), bad rows are reported by line, and the bot answers from the
 * new entries as soon as this returns. Big files go through startImport (a background job with progress).
 */
export async function importEntries(deps: KnowledgeDeps, input: { workspaceId: string; by: string | null; source: string | unknown[]; format?: 'jsonl' | 'csv' }): Promise<ImportResult> {
  return writeAndPublish(deps, input, parseImport(input.source, input.format));
}

/** The same for a whole file in any import format (`lingxi import kb FILE`: .jsonl, .json, .csv, .xlsx). */
export async function importFile(deps: KnowledgeDeps, input: { workspaceId: string; by: string | null; format: ImportFormat; bytes: Uint8Array }): Promise<ImportResult> {
  const read = await readImportSource(input.format, input.bytes);
  if (read.headerProblems.length > 0) return { imported: 0, errors: [{ line: 1, problems: read.headerProblems.map((message) => ({ path: '', message })) }], modelVersion: null };
  return writeAndPublish(deps, input, checkImportRows(read.rows));
}

async function writeAndPublish(deps: KnowledgeDeps, input: { workspaceId: string; by: string | null }, parsed: ImportParse): Promise<ImportResult> {
  if (parsed.rows.length === 0) return { imported: 0, errors: parsed.errors, modelVersion: null };
  await deps.db.transaction((tx) => writeEntries(tx, deps, { workspaceId: input.workspaceId, by: input.by, rows: parsed.rows.map((r) => r.content) }));
  const model = await publishKnowledge(deps, { workspaceId: input.workspaceId });
  return { imported: parsed.rows.length, errors: parsed.errors, modelVersion: model.version };
}
