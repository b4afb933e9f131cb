import { AnalyticsSettingsWithDefaults, UpdateAnalyticsSettingsRequest } from '@lingxi/contracts';
import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/index.ts';
import { orThrow } from '../../platform/errors.ts';
import type { Ids } from '../../platform/ids.ts';
import { route } from '../../platform/route.ts';
import { actorOf, userOf } from '../accounts/index.ts';
import { updateAnalyticsSettings } from './commands/updateAnalyticsSettings.ts';
import { defaultAnalyticsSettings, readAnalyticsSettings, type AnalyticsSettingsCache } from './settings.ts';

/** Workspace analytics settings: time zone, when a bot conversation has ended, alert thresholds, costs, the surge rule. */
export function analyticsSettingsRoutes(deps: { db: Database; ids: Ids; clock: Clock; settings: AnalyticsSettingsCache }) {
  const tags = ['settings'];
  return [
    route({
      method: 'GET', url: '/api/v1/settings/analytics', summary: 'Reports & alerts settings in effect (defaults filled in), with the defaults', tags, policy: 'analytics:read',
      response: AnalyticsSettingsWithDefaults,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        return { settings: await readAnalyticsSettings(deps.db.sql, user.workspaceId), defaults: defaultAnalyticsSettings };
      },
    }),
    route({
      method: 'PUT', url: '/api/v1/settings/analytics', summary: 'Change reports & alerts settings (admins and supervisors): each field given replaces the stored one (surge field by field), the others stay; every node uses them at once', tags, policy: 'analytics:manage',
      body: UpdateAnalyticsSettingsRequest, response: AnalyticsSettingsWithDefaults,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        const settings = orThrow(await updateAnalyticsSettings(deps, { workspaceId: user.workspaceId, change: ctx.body, actor: actorOf(ctx) }));
        return { settings, defaults: defaultAnalyticsSettings };
      },
    }),
  ];
}
