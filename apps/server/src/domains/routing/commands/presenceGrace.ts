import type { Tx } from '../../../platform/db/index.ts';
import type { RoutingDeps } from '../deps.ts';
import { profileStore } from '../store.ts';
import { changePresence } from './setPresence.ts';

export const PRESENCE_GRACE_JOB = 'routing.presenceGrace';
/** `connections` is the agent's connection count when the last socket closed (absent on jobs from before it was kept). */
export type PresenceGracePayload = { workspaceId: string; userId: string; disconnectedAt: string; connections?: number };

/** An agent's socket connected: counted, so a grace check scheduled before it knows the agent came back. */
export async function noticeConnect(deps: RoutingDeps, input: { workspaceId: string; userId: string }): Promise<void> {
  await profileStore.markConnected(deps.db.sql, input.workspaceId, input.userId);
}

/**
 * An agent's socket closed: if it was their last one anywhere, check again after the grace period
 * (a reload or a network blip reconnects well within it). A durable job, so it survives a restart.
 */
export async function noticeDisconnect(deps: RoutingDeps, input: { workspaceId: string; userId: string }): Promise<boolean> {
  if (await deps.hasLiveSockets(input.userId)) return false;
  const profile = await profileStore.byUser(deps.db.sql, input.workspaceId, input.userId);
  if (profile?.status !== 'online') return false;
  const settings = await deps.settings(input.workspaceId);
  const now = deps.clock.now();
  const payload: PresenceGracePayload = { ...input, disconnectedAt: now.toISOString(), connections: profile.connections };
  await deps.jobs().schedule(deps.db.sql, { name: PRESENCE_GRACE_JOB, workspaceId: input.workspaceId, payload, runAt: new Date(now.getTime() + settings.presenceGraceSeconds * 1000) });
  return true;
}

/**
 * The grace period is over: still online, not reconnected, and no presence change since → away.
 * A reconnect since this check was scheduled voids it even when that socket closed again: the later
 * close scheduled its own check, with its own full grace period.
 */
export async function awayIfStillDisconnected(tx: Tx, deps: RoutingDeps, input: PresenceGracePayload): Promise<boolean> {
  const profile = await profileStore.byUser(tx, input.workspaceId, input.userId);
  if (profile?.status !== 'online') return false;
  if (profile.statusChangedAt && profile.statusChangedAt > new Date(input.disconnectedAt)) return false;
  if (input.connections !== undefined && profile.connections !== input.connections) return false;
  if (await deps.hasLiveSockets(input.userId)) return false;
  await changePresence(tx, deps, { workspaceId: input.workspaceId, userId: input.userId, status: 'away', reason: 'disconnected' });
  return true;
}
