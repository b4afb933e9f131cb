import type { Tx } from '../../../platform/db/index.ts';
import type { RoutingDeps } from '../deps.ts';
import { offerStore } from '../offerStore.ts';
import { runAssignmentRound } from './runAssignmentRound.ts';

/** The agent did not accept in time: remember that, and offer the conversation to the next agent. */
export async function expireOffer(tx: Tx, deps: RoutingDeps, input: { workspaceId: string; conversationId: string; agentId: string }): Promise<void> {
  const offer = await offerStore.byConversation(tx, input.workspaceId, input.conversationId);
  if (!offer || offer.agentId !== input.agentId) return;
  if (offer.expiresAt && offer.expiresAt > deps.clock.now()) return;
  await offerStore.lapse(tx, input.workspaceId, input.conversationId, input.agentId, offer.declinedBy);
  await runAssignmentRound(tx, deps, input.workspaceId);
}
