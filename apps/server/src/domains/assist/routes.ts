import {
  AssistResponse,
  AssistSettingsResponse,
  CannedResponseListQuery,
  CannedResponseListResponse,
  CannedResponseRequest,
  CannedResponseResponse,
  IdParams,
  OkResponse,
  RenderCannedRequest,
  RenderCannedResponse,
  UpdateAssistSettingsRequest,
} from '@lingxi/contracts';
import { orThrow } from '../../platform/errors.ts';
import { route } from '../../platform/route.ts';
import { userOf } from '../accounts/index.ts';
import { createCannedResponse, deleteCannedResponse, updateCannedResponse } from './commands/saveCannedResponse.ts';
import type { AssistDeps } from './deps.ts';
import { presentCanned } from './present.ts';
import { renderCanned } from './queries/renderCanned.ts';
import { assistFor } from './queries/suggest.ts';
import { readAssistSettings, saveAssistSettings } from './settings.ts';
import { cannedStore } from './store.ts';

export function assistRoutes(deps: AssistDeps) {
  const tags = ['assist'];
  return [
    route({
      method: 'GET', url: '/api/v1/conversations/:id/assist', summary: 'AI assist for the customer’s latest message: suggested replies and cards from the knowledge base, a soothing script when they are upset', tags, policy: 'conversations:read',
      params: IdParams, response: AssistResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        return orThrow(await assistFor(deps, { workspaceId: user.workspaceId, conversationId: ctx.params.id }));
      },
    }),
    route({
      method: 'GET', url: '/api/v1/settings/assist', summary: 'Compensation policy agents are shown beside soothing scripts', tags: ['settings'], policy: 'conversations:read',
      response: AssistSettingsResponse,
      async handler(ctx) {
        return { settings: await readAssistSettings(deps.db.sql, userOf(ctx.principal).workspaceId) };
      },
    }),
    route({
      method: 'PUT', url: '/api/v1/settings/assist', summary: 'Change the compensation policy (admins)', tags: ['settings'], policy: 'settings:manage',
      body: UpdateAssistSettingsRequest, response: AssistSettingsResponse,
      async handler(ctx) {
        return { settings: await saveAssistSettings(deps.db, userOf(ctx.principal).workspaceId, ctx.body) };
      },
    }),
    route({
      method: 'GET', url: '/api/v1/canned-responses', summary: 'Canned responses of the workspace (q matches shortcut or title)', tags, policy: 'conversations:read',
      query: CannedResponseListQuery, response: CannedResponseListResponse,
      async handler(ctx) {
        const rows = await cannedStore.list(deps.db.sql, userOf(ctx.principal).workspaceId, ctx.query.q ?? null);
        return { cannedResponses: rows.map(presentCanned) };
      },
    }),
    route({
      method: 'POST', url: '/api/v1/canned-responses', summary: 'Add a canned response (supervisors and admins); texts may use {{customer.name}}, {{agent.name}}, {{order.number}}', tags, policy: 'conversations:supervise',
      body: CannedResponseRequest, status: 201, response: CannedResponseResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        const created = orThrow(await createCannedResponse(deps, { workspaceId: user.workspaceId, userId: user.userId, draft: ctx.body }));
        ctx.setStatus(201);
        return { cannedResponse: presentCanned(created) };
      },
    }),
    route({
      method: 'PUT', url: '/api/v1/canned-responses/:id', summary: 'Replace a canned response (supervisors and admins)', tags, policy: 'conversations:supervise',
      params: IdParams, body: CannedResponseRequest, response: CannedResponseResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        return { cannedResponse: presentCanned(orThrow(await updateCannedResponse(deps, { workspaceId: user.workspaceId, id: ctx.params.id, draft: ctx.body }))) };
      },
    }),
    route({
      method: 'DELETE', url: '/api/v1/canned-responses/:id', summary: 'Delete a canned response (supervisors and admins)', tags, policy: 'conversations:supervise',
      params: IdParams, response: OkResponse,
      async handler(ctx) {
        return orThrow(await deleteCannedResponse(deps, { workspaceId: userOf(ctx.principal).workspaceId, id: ctx.params.id }));
      },
    }),
    route({
      method: 'POST', url: '/api/v1/canned-responses/:id/render', summary: 'The text with its variables filled from a conversation, its customer and you', tags, policy: 'conversations:reply',
      params: IdParams, body: RenderCannedRequest, response: RenderCannedResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        return orThrow(await renderCanned(deps, { workspaceId: user.workspaceId, userId: user.userId, id: ctx.params.id, ...ctx.body }));
      },
    }),
  ];
}
