import { emit } from '../../../events/catalog.ts';
import type { Executor, Tx } from '../../../platform/db/index.ts';
import type { RoutingDeps } from '../deps.ts';
import { estimateWaitSeconds, overflowReason, type OverflowReason } from '../overflow.ts';
import { queueSituation } from '../queries/queueStandings.ts';

/**
 * Should this customer be offered to leave a message or book a callback instead of waiting? After hours,
 * nobody online, the queue too long, or their expected wait too long (workspace thresholds). A customer
 * not queued yet (conversationId null) is counted as joining at the end.
 */
export async function checkOverflow(db: Executor, deps: Pick<RoutingDeps, 'queue' | 'activeCounts' | 'settings' | 'clock'>, input: { workspaceId: string; conversationId: string | null }): Promise<OverflowReason | null> {
  const settings = await deps.settings(input.workspaceId, db);
  const situation = await queueSituation(db, deps, input.workspaceId, Number.POSITIVE_INFINITY);
  const mine = input.conversationId ? situation.standings.find((s) => s.conversationId === input.conversationId) : undefined;
  const position = mine ? mine.queuePosition - 1 : situation.queueLength;
  const wait = estimateWaitSeconds(position, situation.agents, settings.averageHandleSeconds);
  return overflowReason(
    { at: deps.clock.now(), queueLength: mine ? situation.queueLength : situation.queueLength + 1, estimatedWaitSeconds: wait, agentsOnline: situation.agents.online },
    settings.businessHours,
    settings.overflow,
  );
}

/** Records that a just-queued customer was offered to leave a message (a fact for reports, a socket event for the widget). */
export async function noteOverflow(tx: Tx, deps: RoutingDeps, input: { workspaceId: string; conversationId: string }): Promise<OverflowReason | null> {
  const reason = await checkOverflow(tx, deps, input);
  if (reason) await emit(tx, deps, { name: 'conversation.overflowed', workspaceId: input.workspaceId, payload: { conversationId: input.conversationId, reason, actions: ['leave_message', 'callback'] } });
  return reason;
}
