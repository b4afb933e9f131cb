import type { DomainError } from '../../../platform/errors.ts';
import { emit } from '../../../events/catalog.ts';
import type { KnowledgeDeps } from '../deps.ts';
import { knowledgeErrors } from '../errors.ts';
import { readImportSource, type ImportFormat } from '../importSource.ts';
import { checkImportRows, lineOfContent } from '../model.ts';
import { presentImportProgress } from '../present.ts';
import { importStore, type KnowledgeImport } from '../store.ts';
import { IMPORT_SLICE_ATTEMPTS, IMPORT_SLICE_JOB, type ImportSlicePayload } from './runImportSlice.ts';

/** Rows one job writes in one transaction: small enough that replies keep flowing between slices on PGlite. */
export const ROWS_PER_SLICE = 500;
/** Rows one import takes: checking them happens in the upload request, on the main thread. */
export const MAX_IMPORT_ROWS = 100_000;
/** Bad rows kept on the import record (all are counted in `failed`). */
export const MAX_LISTED_ERRORS = 1_000;

/**
 * Starts a background import: the file is read and every row checked now (bad rows are on the record at
 * once, by line); the good rows are written by durable jobs, one slice each, so progress is visible and a
 * crash resumes where it stopped; the last slice publishes (the bot retrains once).
 */
export async function startImport(
  deps: KnowledgeDeps,
  input: { workspaceId: string; by: string | null; fileName: string | null; format: ImportFormat; bytes: Uint8Array },
): Promise<KnowledgeImport | DomainError> {
  const jobs = deps.jobs?.();
  if (!jobs) throw new Error('Background imports need the jobs of the app (deps.jobs).');
  const read = await readImportSource(input.format, input.bytes);
  const now = deps.clock.now();
  const base = { id: deps.ids.next(), workspaceId: input.workspaceId, format: input.format, fileName: input.fileName, createdBy: input.by, createdAt: now };
  if (read.headerProblems.length > 0) {
    const errors = [{ line: 1, problems: read.headerProblems.map((message) => ({ path: '', message })) }];
    return deps.db.transaction((tx) =>
      importStore.insert(tx, { ...base, status: 'failed', total: 0, failed: 1, errors, failure: 'Nothing was imported: the first row (the column names) has problems.', finishedAt: now }),
    );
  }
  if (read.rows.length === 0) return knowledgeErrors.emptyFile();
  if (read.rows.length > MAX_IMPORT_ROWS) return knowledgeErrors.tooManyRows(read.rows.length, MAX_IMPORT_ROWS);
  const checked = checkImportRows(read.rows);
  const total = checked.rows.length + checked.errors.length;
  const nothingToWrite = checked.rows.length === 0;
  return deps.db.transaction(async (tx) => {
    const record = await importStore.insert(tx, {
      ...base,
      status: nothingToWrite ? 'done' : 'queued',
      total,
      processed: checked.errors.length,
      failed: checked.errors.length,
      errors: checked.errors.slice(0, MAX_LISTED_ERRORS),
      finishedAt: nothingToWrite ? now : null,
    });
    for (let i = 0; i < checked.rows.length; i += ROWS_PER_SLICE) {
      const rows = checked.rows.slice(i, i + ROWS_PER_SLICE).map((r) => ({ line: r.line, entry: lineOfContent(r.content) }));
      const payload: ImportSlicePayload = { importId: record.id, workspaceId: input.workspaceId, by: input.by, rows };
      await jobs.schedule(tx, { name: IMPORT_SLICE_JOB, payload, workspaceId: input.workspaceId, dedupeKey: `${IMPORT_SLICE_JOB}:${record.id}:${i}`, maxAttempts: IMPORT_SLICE_ATTEMPTS });
    }
    await emit(tx, deps, { name: 'knowledge.import_progressed', workspaceId: input.workspaceId, payload: presentImportProgress(record) });
    return record;
  });
}
