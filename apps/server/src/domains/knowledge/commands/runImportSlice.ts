import { z } from 'zod';
import { KnowledgeImportLine } from '@lingxi/contracts';
import type { Tx } from '../../../platform/db/index.ts';
import { emit } from '../../../events/catalog.ts';
import type { KnowledgeDeps } from '../deps.ts';
import { contentFromLine } from '../model.ts';
import { presentImportProgress } from '../present.ts';
import { importStore } from '../store.ts';
import { IMPORT_PUBLISH_JOB } from './finishImport.ts';
import { writeEntries } from './writeEntries.ts';

export const IMPORT_SLICE_JOB = 'knowledge.import.slice';
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
export async function runImportSlice(tx: Tx, deps: KnowledgeDeps, raw: unknown): Promise<void> {
  const payload = ImportSlicePayload.parse(raw);
  const record = await importStore.get(tx, payload.workspaceId, payload.importId);
  if (!record || record.status === 'failed' || record.status === 'done') return;
  const imported = await writeEntries(tx, deps, { workspaceId: payload.workspaceId, by: payload.by, rows: payload.rows.map((r) => contentFromLine(r.entry)) });
  const advanced = await importStore.advance(tx, payload.importId, { processed: payload.rows.length, imported }, deps.clock.now());
  if (!advanced) return;
  if (advanced.status === 'publishing') {
    await deps.jobs!().schedule(tx, { name: IMPORT_PUBLISH_JOB, payload: { importId: advanced.id, workspaceId: advanced.workspaceId, attempt: 1 }, workspaceId: advanced.workspaceId, dedupeKey: `${IMPORT_PUBLISH_JOB}:${advanced.id}:1` });
  }
  await emit(tx, deps, { name: 'knowledge.import_progressed', workspaceId: payload.workspaceId, payload: presentImportProgress(advanced) });
}
