import type { DomainError } from '../../../platform/errors.ts';
import type { RoutingDeps } from '../deps.ts';
import { routingErrors } from '../errors.ts';
import { teamStore, type Team } from '../store.ts';

export async function createTeam(deps: Pick<RoutingDeps, 'db' | 'ids' | 'clock'>, input: { workspaceId: string; name: string }): Promise<Team | DomainError> {
  const team = await teamStore.insert(deps.db.sql, { id: deps.ids.next(), workspaceId: input.workspaceId, name: input.name, createdAt: deps.clock.now() });
  return team ?? routingErrors.teamNameTaken(input.name);
}
