import type { PresenceStatus } from '@lingxi/contracts';
import { emit } from '../../../events/catalog.ts';
import type { Tx } from '../../../platform/db/index.ts';
import type { RoutingDeps } from '../deps.ts';
import { profileStore, type AgentProfile } from '../store.ts';

type PresenceChange = { workspaceId: string; userId: string; status: PresenceStatus; reason: 'agent' | 'disconnected' | 'supervisor' };

/** An agent goes online, away or offline; the change is an event so routing and the wall react to it. */
export async function setPresence(deps: Pick<RoutingDeps, 'db' | 'ids' | 'clock'>, input: PresenceChange): Promise<AgentProfile> {
  return deps.db.transaction(async (tx) => changePresence(tx, deps, input));
}

/** The same change inside a transaction the caller holds (a job or a once-subscriber). */
export async function changePresence(tx: Tx, deps: Pick<RoutingDeps, 'ids' | 'clock'>, input: PresenceChange): Promise<AgentProfile> {
  const before = await profileStore.byUser(tx, input.workspaceId, input.userId);
  const at = deps.clock.now();
  if (before?.status === input.status) return before;
  const profile = await profileStore.upsert(tx, input.workspaceId, input.userId, { status: input.status, statusChangedAt: at });
  await emit(tx, deps, {
    name: 'agent.presence_changed',
    workspaceId: input.workspaceId,
    payload: { userId: input.userId, from: before?.status ?? 'offline', to: input.status, reason: input.reason },
  });
  return profile;
}
