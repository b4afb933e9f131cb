import { BotSettingsResponse, UpdateBotSettingsRequest } from '@lingxi/contracts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/index.ts';
import { orThrow } from '../../platform/errors.ts';
import type { Ids } from '../../platform/ids.ts';
import { route } from '../../platform/route.ts';
import { actorOf, can, userOf } from '../accounts/index.ts';
import { updateBotSettings } from './commands/updateBotSettings.ts';
import type { BotSettingsSource } from './deps.ts';
import { defaultBotSettings, presentBotSettings, readBotSettings } from './settings.ts';

/**
 * Workspace bot settings: answer thresholds and handoff triggers. Supervisors tune them with the knowledge
 * base (`knowledge:manage`); the order lookup address is a server-side call, so only admins change it.
 */
export function botSettingsRoutes(deps: { db: Database; ids: Ids; clock: Clock; settings: BotSettingsSource }) {
  const tags = ['settings'];
  return [
    route({
      method: 'GET', url: '/api/v1/settings/bot', summary: 'Bot answer thresholds and handoff triggers in effect (defaults filled in), with the defaults', tags, policy: 'knowledge:read',
      response: BotSettingsResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        return { settings: presentBotSettings(await readBotSettings(deps.db.sql, user.workspaceId)), defaults: defaultBotSettings };
      },
    }),
    route({
      method: 'PUT', url: '/api/v1/settings/bot', summary: 'Change bot settings (admins and supervisors; orderLookupUrl admins only): each field given replaces the stored one, the others stay', tags, policy: 'knowledge:manage',
      body: UpdateBotSettingsRequest, response: BotSettingsResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        const settings = orThrow(await updateBotSettings(deps, { workspaceId: user.workspaceId, change: ctx.body, actor: actorOf(ctx), mayChangeOrderLookup: can(user.role as never, 'settings:manage') }));
        return { settings, defaults: defaultBotSettings };
      },
    }),
  ];
}
