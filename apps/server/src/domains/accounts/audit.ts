import type { Executor } from '../../platform/db/index.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Ids } from '../../platform/ids.ts';
import type { Actor } from './deps.ts';
import { auditStore } from './store.ts';

export type AuditRecord = { workspaceId: string; action: string; targetType?: string; targetId?: string; detail?: Record<string, unknown> };

/** Appends one audit entry in the caller's transaction, so the action and its record commit together. */
export async function recordAudit(tx: Executor, deps: { ids: Ids; clock: Clock }, actor: Actor, record: AuditRecord): Promise<void> {
  await auditStore.append(tx, {
    id: deps.ids.next(),
    workspaceId: record.workspaceId,
    actorId: actor.userId,
    actorEmail: actor.email,
    action: record.action,
    targetType: record.targetType ?? null,
    targetId: record.targetId ?? null,
    detail: record.detail ?? {},
    ip: actor.ip,
    userAgent: actor.userAgent?.slice(0, 500) ?? null,
    at: deps.clock.now(),
  });
}
