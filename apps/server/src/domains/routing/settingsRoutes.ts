import { RoutingSettingsResponse, UpdateRoutingSettingsRequest } from '@lingxi/contracts';
import { route } from '../../platform/route.ts';
import { actorOf, userOf } from '../accounts/index.ts';
import { updateRoutingSettings } from './commands/updateRoutingSettings.ts';
import type { RoutingDeps } from './deps.ts';
import { presentRoutingSettings, type RoutingSettingsSource } from './settings.ts';

/** Workspace routing settings: accept time, presence grace, overflow thresholds, business hours, priority weights. */
export function routingSettingsRoutes(deps: RoutingDeps & { settings: RoutingSettingsSource }) {
  const tags = ['settings'];
  return [
    route({
      method: 'GET', url: '/api/v1/settings/routing', summary: 'Routing settings in effect (defaults filled in)', tags, policy: 'conversations:read',
      response: RoutingSettingsResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        return { settings: presentRoutingSettings(await deps.settings(user.workspaceId)) };
      },
    }),
    route({
      method: 'PUT', url: '/api/v1/settings/routing', summary: 'Change routing settings (admins): each top-level field given replaces the stored one', tags, policy: 'settings:manage',
      body: UpdateRoutingSettingsRequest, response: RoutingSettingsResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        return { settings: await updateRoutingSettings(deps, { workspaceId: user.workspaceId, change: ctx.body, actor: actorOf(ctx) }) };
      },
    }),
  ];
}
