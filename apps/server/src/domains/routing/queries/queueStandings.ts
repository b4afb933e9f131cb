import type { Executor } from '../../../platform/db/index.ts';
import type { RoutingDeps } from '../deps.ts';
import { orderQueue } from '../model.ts';
import { estimateWaitSeconds } from '../overflow.ts';
import { profileStore } from '../store.ts';

export type QueueStanding = { conversationId: string; queuePosition: number; estimatedWaitSeconds: number | null };
export type QueueSituation = { standings: QueueStanding[]; queueLength: number; agents: { online: number; freeSlots: number; totalCapacity: number } };

/**
 * Where each queued conversation stands in service order (1 = next) and its expected wait, from the
 * online agents' free places and capacity. Bounded: only the first `limit` get a standing.
 */
export async function queueSituation(db: Executor, deps: Pick<RoutingDeps, 'queue' | 'activeCounts' | 'settings' | 'clock'>, workspaceId: string, limit = 200): Promise<QueueSituation> {
  const [queue, profiles, active, settings] = [
    await deps.queue(db, workspaceId),
    await profileStore.list(db, workspaceId),
    await deps.activeCounts(db, workspaceId),
    await deps.settings(workspaceId, db),
  ];
  const online = profiles.filter((p) => p.status === 'online');
  const totalCapacity = online.reduce((sum, p) => sum + p.capacity, 0);
  const freeSlots = online.reduce((sum, p) => sum + Math.max(0, p.capacity - (active.get(p.userId) ?? 0)), 0);
  const agents = { online: online.length, freeSlots, totalCapacity };
  const items = queue.map((q) => ({ ...q, requiredSkill: null, teamId: null, declinedBy: [] }));
  const standings = orderQueue(items, deps.clock.now(), settings.priorityWeights)
    .slice(0, limit)
    .map((item, index) => {
      const wait = estimateWaitSeconds(index, agents, settings.averageHandleSeconds);
      return { conversationId: item.conversationId, queuePosition: index + 1, estimatedWaitSeconds: Number.isFinite(wait) ? wait : null };
    });
  return { standings, queueLength: queue.length, agents };
}

/** One queued conversation's standing (null when it is not queued or beyond the first thousand). */
export async function queueStanding(db: Executor, deps: Pick<RoutingDeps, 'queue' | 'activeCounts' | 'settings' | 'clock'>, workspaceId: string, conversationId: string): Promise<Omit<QueueStanding, 'conversationId'> | null> {
  const found = (await queueSituation(db, deps, workspaceId, 1000)).standings.find((s) => s.conversationId === conversationId);
  return found ? { queuePosition: found.queuePosition, estimatedWaitSeconds: found.estimatedWaitSeconds } : null;
}
