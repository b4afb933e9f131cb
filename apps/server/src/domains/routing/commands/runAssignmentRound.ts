import { sql } from 'drizzle-orm';
import { emit } from '../../../events/catalog.ts';
import type { Tx } from '../../../platform/db/index.ts';
import type { RoutingDeps } from '../deps.ts';
import { planAssignments, type AgentState } from '../model.ts';
import { offerStore } from '../offerStore.ts';
import { profileStore } from '../store.ts';

export const OFFER_EXPIRED_JOB = 'routing.offerExpired';

/**
 * Offers queued conversations to online agents with room, in queue order, by the assignment steps.
 * Serialized per workspace by an advisory lock, so two nodes never offer the same conversation twice;
 * the offer is accepted with POST /api/v1/conversations/:id/accept.
 */
export async function runAssignmentRound(tx: Tx, deps: RoutingDeps, workspaceId: string): Promise<{ offered: Array<{ conversationId: string; agentId: string }> }> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`lingxi.routing:${workspaceId}`}))`);
  const now = deps.clock.now();
  const [queue, offers, profiles, active, settings] = [
    await deps.queue(tx, workspaceId),
    await offerStore.list(tx, workspaceId),
    await profileStore.list(tx, workspaceId),
    await deps.activeCounts(tx, workspaceId),
    await deps.settings(workspaceId, tx),
  ];
  const queued = new Set(queue.map((q) => q.conversationId));
  const stale = offers.filter((o) => !queued.has(o.conversationId)).map((o) => o.conversationId);
  await offerStore.remove(tx, workspaceId, stale);

  const live = offers.filter((o) => queued.has(o.conversationId) && o.agentId && o.expiresAt && o.expiresAt > now);
  const pendingOffers = new Map<string, number>();
  for (const o of live) pendingOffers.set(o.agentId!, (pendingOffers.get(o.agentId!) ?? 0) + 1);
  // An offer past its time whose expiry job has not run yet lapses here, so its agent is not offered it again.
  const lapsed = offers.filter((o) => queued.has(o.conversationId) && o.agentId && o.expiresAt && o.expiresAt <= now);
  for (const o of lapsed) await offerStore.lapse(tx, workspaceId, o.conversationId, o.agentId!, o.declinedBy);
  const lapsedBy = new Map(lapsed.map((o) => [o.conversationId, o.agentId!]));
  const declined = new Map(offers.map((o) => [o.conversationId, lapsedBy.has(o.conversationId) ? [...new Set([...o.declinedBy, lapsedBy.get(o.conversationId)!])] : o.declinedBy]));
  const teamOf = new Map(offers.map((o) => [o.conversationId, o.teamId]));
  const offeredNow = new Set(live.map((o) => o.conversationId));

  const agents: AgentState[] = profiles
    .filter((p) => p.status === 'online')
    .map((p) => ({
      agentId: p.userId,
      status: p.status,
      capacity: p.capacity,
      activeCount: (active.get(p.userId) ?? 0) + (pendingOffers.get(p.userId) ?? 0),
      skills: p.skills,
      languages: p.languages,
      teamIds: p.teamIds,
      lastAssignedAt: p.lastAssignedAt,
    }));
  const items = queue
    .filter((q) => !offeredNow.has(q.conversationId))
    .map((q) => ({ ...q, requiredSkill: null, teamId: teamOf.get(q.conversationId) ?? null, declinedBy: declined.get(q.conversationId) ?? [] }));
  const plan = planAssignments(items, agents, now, settings.priorityWeights);

  const expiresAt = new Date(now.getTime() + settings.acceptSeconds * 1000);
  for (const { conversationId, agentId } of plan) {
    await offerStore.offer(tx, { workspaceId, conversationId, agentId, offeredAt: now, expiresAt });
    await profileStore.markAssigned(tx, workspaceId, agentId, now);
    await deps.jobs().schedule(tx, { name: OFFER_EXPIRED_JOB, workspaceId, payload: { workspaceId, conversationId, agentId }, runAt: expiresAt });
  }
  if (plan.length > 0) {
    await emit(
      tx,
      deps,
      ...plan.map((p) => ({ name: 'conversation.offered' as const, workspaceId, payload: { conversationId: p.conversationId, agentId: p.agentId, expiresAt: expiresAt.toISOString() } })),
    );
  }
  return { offered: plan };
}
