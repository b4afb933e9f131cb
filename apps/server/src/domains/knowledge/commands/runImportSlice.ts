import { z } from 'zod';
import { KnowledgeImportLine } from '@lingxi/contracts';
import type { Tx } from '../../../platform/db/index.ts';
import { emit } from '../../../events/catalog.ts';
import type { KnowledgeDeps } from '../deps.ts';
import { contentFromLine, failureReason } from '../model.ts';
import { presentImportProgress } from '../present.ts';
import { importStore } from '../store.ts';
import { IMPORT_PUBLISH_JOB } from './finishImport.ts';
import { writeEntries } from './writeEntries.ts';

export const IMPORT_SLICE_JOB = 'knowledge.import.slice';
/** A slice that fails this many times fails its import (saying why) instead of leaving it "running" for ever. */
export const IMPORT_SLICE_ATTEMPTS = 3;
export const ImportSlicePayload = z.object({
  importId: z.string().uuid(),
  workspaceId: z.string().uuid(),
  by: z.string().nullable(),
  rows: z.array(z.object({ line: z.number().int(), entry: KnowledgeImportLine })),
});
export type ImportSlicePayload = z.input<typeof ImportSlicePayload>;

/**
 * One slice of a background import, in the job's transaction: the entries, the progress and its event
 * commit together, so a crash or a retry never counts a slice twice. The slice that completes the import
 * schedules the publish.
 */
export async function runImportSlice(tx: Tx, deps: KnowledgeDeps, raw: unknown, attempt = 1): Promise<void> {
  const payload = ImportSlicePayload.parse(raw);
  const record = await importStore.get(tx, payload.workspaceId, payload.importId);
  if (!record || record.status === 'failed' || record.status === 'done') return;
  let imported: number;
  try {
    // A savepoint: on the last attempt a failure is recorded on the import rather than rolled back with it.
    imported = await tx.transaction((slice) => writeEntries(slice, deps, { workspaceId: payload.workspaceId, by: payload.by, rows: payload.rows.map((r) => contentFromLine(r.entry)) }));
  } catch (error) {
    if (attempt < IMPORT_SLICE_ATTEMPTS) throw error;
    const lines = `${payload.rows[0]?.line ?? '?'}–${payload.rows[payload.rows.length - 1]?.line ?? '?'}`;
    const failed = await importStore.finish(tx, record.id, { status: 'failed', failure: `Lines ${lines} could not be saved (${failureReason(error)}); rows before them were imported. Fix or remove those lines and import the file again.` }, deps.clock.now());
    if (failed) await emit(tx, deps, { name: 'knowledge.import_progressed', workspaceId: payload.workspaceId, payload: presentImportProgress(failed) });
    return;
  }
  const advanced = await importStore.advance(tx, payload.importId, { processed: payload.rows.length, imported }, deps.clock.now());
  if (!advanced) return;
  if (advanced.status === 'publishing') {
    await deps.jobs!().schedule(tx, { name: IMPORT_PUBLISH_JOB, payload: { importId: advanced.id, workspaceId: advanced.workspaceId, attempt: 1 }, workspaceId: advanced.workspaceId, dedupeKey: `${IMPORT_PUBLISH_JOB}:${advanced.id}:1` });
  }
  await emit(tx, deps, { name: 'knowledge.import_progressed', workspaceId: payload.workspaceId, payload: presentImportProgress(advanced) });
}
