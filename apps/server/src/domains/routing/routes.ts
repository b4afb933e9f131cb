import {
  AgentListResponse,
  AgentResponse,
  CreateTeamRequest,
  IdParams,
  OfferListResponse,
  SetPresenceRequest,
  TeamListResponse,
  TeamResponse,
  UpdateAgentRequest,
} from '@lingxi/contracts';
import { DomainFailure, orThrow } from '../../platform/errors.ts';
import { route } from '../../platform/route.ts';
import { userOf } from '../accounts/index.ts';
import { createTeam } from './commands/createTeam.ts';
import { setPresence } from './commands/setPresence.ts';
import { updateAgent } from './commands/updateAgent.ts';
import type { RoutingDeps } from './deps.ts';
import { routingErrors } from './errors.ts';
import { listAgents } from './queries/listAgents.ts';
import { teamStore, type Team } from './store.ts';
import { offerStore } from './offerStore.ts';

const presentTeam = (team: Team) => ({ id: team.id, name: team.name, createdAt: team.createdAt.toISOString() });

export function routingRoutes(deps: RoutingDeps) {
  const agentView = async (workspaceId: string, userId: string) => {
    const agent = (await listAgents(deps, workspaceId)).find((a) => a.userId === userId);
    if (!agent) throw new DomainFailure(routingErrors.agentNotFound(userId));
    return { agent };
  };
  return [
    route({
      method: 'PUT',
      url: '/api/v1/agents/me/presence',
      summary: 'Set your presence: online (receive conversations), away, or offline',
      tags: ['agents'],
      policy: 'conversations:reply',
      body: SetPresenceRequest,
      response: AgentResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        await setPresence(deps, { workspaceId: user.workspaceId, userId: user.userId, status: ctx.body.status, reason: 'agent' });
        return agentView(user.workspaceId, user.userId);
      },
    }),
    route({
      method: 'GET',
      url: '/api/v1/agents/me',
      summary: 'Your presence, capacity, skills and current load',
      tags: ['agents'],
      policy: 'conversations:read',
      response: AgentResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        return agentView(user.workspaceId, user.userId);
      },
    }),
    route({
      method: 'GET',
      url: '/api/v1/agents/me/offers',
      summary: 'Conversations offered to you now; accept one with POST /api/v1/conversations/:id/accept before it expires',
      tags: ['agents'],
      policy: 'conversations:reply',
      response: OfferListResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        const now = deps.clock.now();
        const offers = (await offerStore.list(deps.db.sql, user.workspaceId)).filter((o) => o.agentId === user.userId && o.expiresAt && o.expiresAt > now);
        return { offers: offers.map((o) => ({ conversationId: o.conversationId, offeredAt: o.offeredAt!.toISOString(), expiresAt: o.expiresAt!.toISOString() })) };
      },
    }),
    route({
      method: 'GET',
      url: '/api/v1/agents',
      summary: 'Every agent of the workspace with presence and load (supervisors)',
      tags: ['agents'],
      policy: 'conversations:supervise',
      response: AgentListResponse,
      async handler(ctx) {
        return { agents: await listAgents(deps, userOf(ctx.principal).workspaceId) };
      },
    }),
    route({
      method: 'PUT',
      url: '/api/v1/agents/:id',
      summary: 'Set an agent’s capacity, skills (level 1–5), languages and teams (admins)',
      tags: ['agents'],
      policy: 'settings:manage',
      params: IdParams,
      body: UpdateAgentRequest,
      response: AgentResponse,
      async handler(ctx) {
        const { workspaceId } = userOf(ctx.principal);
        const agents = await listAgents(deps, workspaceId);
        if (!agents.some((a) => a.userId === ctx.params.id)) throw new DomainFailure(routingErrors.agentNotFound(ctx.params.id));
        orThrow(await updateAgent(deps, { workspaceId, userId: ctx.params.id, change: ctx.body }));
        return agentView(workspaceId, ctx.params.id);
      },
    }),
    route({
      method: 'GET',
      url: '/api/v1/teams',
      summary: 'Teams of the workspace',
      tags: ['agents'],
      policy: 'conversations:read',
      response: TeamListResponse,
      async handler(ctx) {
        return { teams: (await teamStore.list(deps.db.sql, userOf(ctx.principal).workspaceId)).map(presentTeam) };
      },
    }),
    route({
      method: 'POST',
      url: '/api/v1/teams',
      summary: 'Create a team (admins)',
      tags: ['agents'],
      policy: 'settings:manage',
      body: CreateTeamRequest,
      status: 201,
      response: TeamResponse,
      async handler(ctx) {
        ctx.setStatus(201);
        return { team: presentTeam(orThrow(await createTeam(deps, { workspaceId: userOf(ctx.principal).workspaceId, name: ctx.body.name }))) };
      },
    }),
  ];
}
