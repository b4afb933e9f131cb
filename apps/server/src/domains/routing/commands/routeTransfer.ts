import { sql } from 'drizzle-orm';
import { emit } from '../../../events/catalog.ts';
import type { Tx } from '../../../platform/db/index.ts';
import type { DomainError } from '../../../platform/errors.ts';
import { userStore } from '../../accounts/index.ts';
import type { RoutingDeps } from '../deps.ts';
import { transferErrors } from '../errors.ts';
import { offerStore } from '../offerStore.ts';
import { profileStore, teamStore } from '../store.ts';
import { OFFER_EXPIRED_JOB } from './runAssignmentRound.ts';

export type TransferTarget = { toAgentId: string; toTeamId?: undefined } | { toTeamId: string; toAgentId?: undefined };

/** Checks a transfer target before anything changes: an online agent of the workspace, or one of its teams. */
export async function checkTransferTarget(tx: Tx, input: { workspaceId: string; target: TransferTarget; fromAgentId: string | null }): Promise<DomainError | null> {
  if (input.target.toTeamId !== undefined) {
    const found = await teamStore.existing(tx, input.workspaceId, [input.target.toTeamId]);
    return found.length === 1 ? null : transferErrors.teamNotFound(input.target.toTeamId);
  }
  const user = await userStore.byId(tx, input.workspaceId, input.target.toAgentId);
  if (!user || user.disabledAt !== null) return transferErrors.agentNotFound(input.target.toAgentId);
  if (user.id === input.fromAgentId) return transferErrors.toSelf();
  const profile = await profileStore.byUser(tx, input.workspaceId, user.id);
  return profile?.status === 'online' ? null : transferErrors.agentOffline(user.name, profile?.status ?? 'offline');
}

/**
 * The conversation is back in the queue (same transaction): offer it straight to the chosen agent until the
 * accept time runs out, or keep it for the chosen team's members. The agent who passed it on is skipped.
 */
export async function routeTransfer(tx: Tx, deps: RoutingDeps, input: { workspaceId: string; conversationId: string; target: TransferTarget; fromAgentId: string | null }): Promise<void> {
  // The same lock as the assignment round: a round in flight on another connection must not drop this offer as stale.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`lingxi.routing:${input.workspaceId}`}))`);
  const now = deps.clock.now();
  const declinedBy = input.fromAgentId ? [input.fromAgentId] : [];
  if (input.target.toTeamId !== undefined) {
    await offerStore.target(tx, { workspaceId: input.workspaceId, conversationId: input.conversationId, agentId: null, teamId: input.target.toTeamId, offeredAt: null, expiresAt: null, declinedBy });
    return;
  }
  const agentId = input.target.toAgentId;
  const settings = await deps.settings(input.workspaceId, tx);
  const expiresAt = new Date(now.getTime() + settings.acceptSeconds * 1000);
  await offerStore.target(tx, { workspaceId: input.workspaceId, conversationId: input.conversationId, agentId, teamId: null, offeredAt: now, expiresAt, declinedBy });
  await deps.jobs().schedule(tx, { name: OFFER_EXPIRED_JOB, workspaceId: input.workspaceId, payload: { workspaceId: input.workspaceId, conversationId: input.conversationId, agentId }, runAt: expiresAt });
  await emit(tx, deps, { name: 'conversation.offered', workspaceId: input.workspaceId, payload: { conversationId: input.conversationId, agentId, expiresAt: expiresAt.toISOString() } });
}
