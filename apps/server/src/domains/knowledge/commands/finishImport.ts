import { z } from 'zod';
import type { Tx } from '../../../platform/db/index.ts';
import { emit } from '../../../events/catalog.ts';
import type { KnowledgeDeps } from '../deps.ts';
import { failureReason } from '../model.ts';
import { presentImportProgress } from '../present.ts';
import { importStore, type KnowledgeImport } from '../store.ts';
import { publishKnowledge } from './publishKnowledge.ts';

export const IMPORT_PUBLISH_JOB = 'knowledge.import.publish';
const ImportPublishPayload = z.object({ importId: z.string().uuid(), workspaceId: z.string().uuid(), attempt: z.number().int().min(1) });
const MAX_ATTEMPTS = 3;
/** If this node dies while retraining, the next attempt starts this much later (a slow retrain that is still running is merely repeated). */
const BACKSTOP_MS = 3 * 60_000;

/**
 * The publish after an import's last slice. Training takes seconds and a job's transaction would hold
 * PGlite's only connection all that time (replies would wait), so the job only starts the retrain, which
 * runs on this node once the job has committed; a backstop job retrains again if the import is still not
 * done by then (retraining twice is harmless), and gives up after MAX_ATTEMPTS.
 */
export async function publishImport(tx: Tx, deps: KnowledgeDeps, raw: unknown): Promise<void> {
  const payload = ImportPublishPayload.parse(raw);
  const record = await importStore.get(tx, payload.workspaceId, payload.importId);
  if (!record || record.status !== 'publishing') return;
  const now = deps.clock.now();
  if (payload.attempt > MAX_ATTEMPTS) {
    const failed = await importStore.finish(tx, record.id, { status: 'failed', failure: `The entries were saved, but the bot was not retrained after ${MAX_ATTEMPTS} attempts. Publish again from the knowledge page.` }, now);
    if (failed) await emit(tx, deps, { name: 'knowledge.import_progressed', workspaceId: record.workspaceId, payload: presentImportProgress(failed) });
    return;
  }
  const next = { importId: record.id, workspaceId: record.workspaceId, attempt: payload.attempt + 1 };
  await deps.jobs!().schedule(tx, { name: IMPORT_PUBLISH_JOB, payload: next, workspaceId: record.workspaceId, runAt: new Date(now.getTime() + BACKSTOP_MS), dedupeKey: `${IMPORT_PUBLISH_JOB}:${record.id}:${next.attempt}` });
  void retrainAfterImport(deps, record);
}

/** Retrains from every published entry, then marks the import done (or failed, saying what to do). */
export async function retrainAfterImport(deps: KnowledgeDeps, record: KnowledgeImport): Promise<void> {
  let end: { status: 'done' | 'failed'; modelVersion?: number; failure?: string };
  try {
    const model = await publishKnowledge(deps, { workspaceId: record.workspaceId });
    end = { status: 'done', modelVersion: model.version };
  } catch (error) {
    end = { status: 'failed', failure: `The entries were saved, but retraining the bot failed (${failureReason(error)}). Publish again from the knowledge page.` };
  }
  await deps.db
    .transaction(async (tx) => {
      const finished = await importStore.finish(tx, record.id, end, deps.clock.now());
      if (finished) await emit(tx, deps, { name: 'knowledge.import_progressed', workspaceId: record.workspaceId, payload: presentImportProgress(finished) });
    })
    // The backstop job retries if even this write failed (e.g. the database went away).
    .catch(() => undefined);
}
