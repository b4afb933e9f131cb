import { sql } from 'drizzle-orm';
import type { AnalyticsSettings, UpdateAnalyticsSettingsRequest } from '@lingxi/contracts';
import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/index.ts';
import type { DomainError } from '../../../platform/errors.ts';
import type { Ids } from '../../../platform/ids.ts';
import { emit } from '../../../events/catalog.ts';
import { recordAudit, type Actor } from '../../accounts/index.ts';
import { analyticsErrors } from '../errors.ts';
import { readAnalyticsSettings, type AnalyticsSettingsCache } from '../settings.ts';
import { workspaceStore } from '../../accounts/index.ts';

/**
 * Changes the given analytics settings (surge fields one by one; the rest stay), audited. The event makes every
 * node forget its cached copy, so the wall, alerts and reports everywhere use the new values within a second.
 */
export async function updateAnalyticsSettings(
  deps: { db: Database; ids: Ids; clock: Clock; settings: AnalyticsSettingsCache },
  input: { workspaceId: string; change: UpdateAnalyticsSettingsRequest; actor: Actor },
): Promise<AnalyticsSettings | DomainError> {
  const { surge, ...scalars } = input.change;
  // Intl knew the zone (the request was checked); reports group by it in SQL, so the database must know it too.
  if (scalars.timezone !== undefined && !(await databaseKnowsZone(deps.db, scalars.timezone))) {
    return analyticsErrors.settingsInvalid([{ path: 'body.timezone', message: 'must be an IANA time zone such as Asia/Shanghai' }]);
  }
  const saved = await deps.db.transaction(async (tx) => {
    const current = await readAnalyticsSettings(tx, input.workspaceId, true);
    const next: AnalyticsSettings = { ...current, ...scalars, surge: { ...current.surge, ...surge } };
    const fields = [...Object.keys(scalars), ...Object.keys(surge ?? {}).map((name) => `surge.${name}`)];
    await workspaceStore.saveSettingsSection(tx, input.workspaceId, 'analytics', next);
    await recordAudit(tx, deps, input.actor, { workspaceId: input.workspaceId, action: 'settings.analytics_updated', targetType: 'workspace', targetId: input.workspaceId, detail: { fields } });
    await emit(tx, deps, { name: 'workspace.settings_changed', workspaceId: input.workspaceId, payload: { section: 'analytics', fields, by: input.actor.userId } });
    return next;
  });
  deps.settings.forget(input.workspaceId);
  return saved;
}

async function databaseKnowsZone(db: Database, zone: string): Promise<boolean> {
  try {
    await db.sql.execute(sql`select now() at time zone ${zone}`);
    return true;
  } catch {
    return false;
  }
}
