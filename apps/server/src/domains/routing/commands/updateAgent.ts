import type { DomainError } from '../../../platform/errors.ts';
import type { RoutingDeps } from '../deps.ts';
import { routingErrors } from '../errors.ts';
import { profileStore, teamStore, type AgentProfile } from '../store.ts';

/** A supervisor or admin sets how an agent works: capacity, skills, languages, teams. */
export async function updateAgent(
  deps: Pick<RoutingDeps, 'db'>,
  input: { workspaceId: string; userId: string; change: { capacity?: number; skills?: Record<string, number>; languages?: string[]; teamIds?: string[] } },
): Promise<AgentProfile | DomainError> {
  const { change } = input;
  if (change.teamIds) {
    const found = await teamStore.existing(deps.db.sql, input.workspaceId, change.teamIds);
    const missing = change.teamIds.filter((id) => !found.includes(id));
    if (missing.length > 0) return routingErrors.unknownTeams(missing);
  }
  return profileStore.upsert(deps.db.sql, input.workspaceId, input.userId, change);
}
