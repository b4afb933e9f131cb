import type { AgentView } from '@lingxi/contracts';
import { userStore } from '../../accounts/index.ts';
import type { RoutingDeps } from '../deps.ts';
import { profileStore, type AgentProfile } from '../store.ts';

const defaults = (workspaceId: string, userId: string): AgentProfile => ({
  userId,
  workspaceId,
  status: 'offline',
  statusChangedAt: null,
  capacity: 5,
  skills: {},
  languages: ['zh-CN', 'en-US'],
  teamIds: [],
  lastAssignedAt: null,
  connections: 0,
});

/** Every user of the workspace as an agent, with presence and current load (users without a profile get the defaults). */
export async function listAgents(deps: Pick<RoutingDeps, 'db' | 'activeCounts'>, workspaceId: string): Promise<AgentView[]> {
  const [users, profiles, active] = [
    await userStore.list(deps.db.sql, workspaceId),
    await profileStore.list(deps.db.sql, workspaceId),
    await deps.activeCounts(deps.db.sql, workspaceId),
  ];
  const byUser = new Map(profiles.map((p) => [p.userId, p]));
  return users
    .filter((u) => u.disabledAt === null)
    .map((user) => {
      const profile = byUser.get(user.id) ?? defaults(workspaceId, user.id);
      return {
        userId: user.id,
        name: user.name,
        email: user.email,
        role: user.role,
        status: profile.status,
        statusChangedAt: profile.statusChangedAt?.toISOString() ?? null,
        capacity: profile.capacity,
        activeConversations: active.get(user.id) ?? 0,
        skills: profile.skills,
        languages: profile.languages,
        teamIds: profile.teamIds,
        lastAssignedAt: profile.lastAssignedAt?.toISOString() ?? null,
      };
    });
}
