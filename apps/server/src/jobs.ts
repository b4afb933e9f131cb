import type { Clock } from './platform/clock.ts';
import type { JobHandler, Jobs } from './platform/jobs/index.ts';
import type { Executor } from './platform/db/index.ts';
import type { Blobs } from './platform/blobs.ts';
import { purgeEndedSessions } from './domains/accounts/index.ts';
import { purgeUnsentAttachments } from './domains/conversations/index.ts';
import { IMPORT_PUBLISH_JOB, IMPORT_SLICE_JOB, publishImport, runImportSlice, type KnowledgeDeps } from './domains/knowledge/index.ts';
import { awayIfStillDisconnected, expireOffer, OFFER_EXPIRED_JOB, PRESENCE_GRACE_JOB, type PresenceGracePayload, type RoutingDeps } from './domains/routing/index.ts';

export type JobDeps = { clock: Clock; jobs: () => Jobs; routing: RoutingDeps; knowledge: KnowledgeDeps; blobs: Blobs };

const DAY_MS = 86_400_000;
const dayKey = (at: Date) => at.toISOString().slice(0, 10);

/** Daily maintenance: one job per day across all nodes (the dedupe key is the date). */
export async function scheduleDailyMaintenance(executor: Executor, deps: JobDeps, from: Date): Promise<void> {
  const next = new Date(Math.floor(from.getTime() / DAY_MS) * DAY_MS + DAY_MS + 3 * 3_600_000);
  await deps.jobs().schedule(executor, { name: 'maintenance.daily', payload: { day: dayKey(next) }, runAt: next, dedupeKey: `maintenance.daily:${dayKey(next)}` });
}

/** The one list of durable job handlers, written out. Domains add theirs here. */
export function jobHandlers(deps: JobDeps): JobHandler[] {
  return [
    {
      name: OFFER_EXPIRED_JOB,
      async handle(payload, { tx }) {
        await expireOffer(tx, deps.routing, payload as { workspaceId: string; conversationId: string; agentId: string });
      },
    },
    {
      name: PRESENCE_GRACE_JOB,
      async handle(payload, { tx }) {
        await awayIfStillDisconnected(tx, deps.routing, payload as PresenceGracePayload);
      },
    },
    {
      // One slice of a background knowledge import; the last one schedules the publish.
      name: IMPORT_SLICE_JOB,
      async handle(payload, { tx, attempt }) {
        await runImportSlice(tx, deps.knowledge, payload, attempt);
      },
    },
    {
      name: IMPORT_PUBLISH_JOB,
      async handle(payload, { tx }) {
        await publishImport(tx, deps.knowledge, payload);
      },
    },
    {
      name: 'maintenance.daily',
      async handle(_payload, { tx }) {
        await purgeEndedSessions(tx, deps);
        await purgeUnsentAttachments(tx, deps);
        await scheduleDailyMaintenance(tx, deps, deps.clock.now());
      },
    },
  ];
}
