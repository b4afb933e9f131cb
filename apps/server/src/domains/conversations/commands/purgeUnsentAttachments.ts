import type { Blobs } from '../../../platform/blobs.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Executor } from '../../../platform/db/index.ts';
import { attachmentStore } from '../attachmentStore.ts';

const UNSENT_FOR_MS = 24 * 3_600_000;

/**
 * Files uploaded a day ago or more and never sent with a message: their rows go in the maintenance
 * job's transaction, then their bytes (a file left by a crash in between is unreachable, not exposed).
 */
export async function purgeUnsentAttachments(tx: Executor, deps: { clock: Clock; blobs: Blobs }): Promise<number> {
  const cutoff = new Date(deps.clock.now().getTime() - UNSENT_FOR_MS);
  let purged = 0;
  for (;;) {
    const keys = await attachmentStore.deleteUnsentBefore(tx, cutoff, 500);
    for (const key of keys) await deps.blobs.remove(key).catch(() => undefined);
    purged += keys.length;
    if (keys.length < 500) return purged;
  }
}
