import type { RoutingSettingsView } from '@lingxi/contracts';
import { emit } from '../../../events/catalog.ts';
import { actorOf, recordAudit } from '../../accounts/index.ts';
import type { RoutingDeps } from '../deps.ts';
import { presentRoutingSettings, routingSettingsFrom, routingSettingsOf, type RoutingSettingsSource } from '../settings.ts';
import { workspaceStore } from '../../accounts/index.ts';
import { sql } from 'drizzle-orm';

type Actor = ReturnType<typeof actorOf>;

/**
 * Replaces the given top-level routing settings (the rest stay), audited. The event makes every node forget
 * its cached copy (this one at once), so the next assignment anywhere uses the new values.
 */
export async function updateRoutingSettings(
  deps: Pick<RoutingDeps, 'db' | 'ids' | 'clock'> & { settings: RoutingSettingsSource },
  input: { workspaceId: string; change: Partial<RoutingSettingsView>; actor: Actor },
): Promise<RoutingSettingsView> {
  const saved = await deps.db.transaction(async (tx) => {
    const rows = await tx.execute<{ settings: unknown }>(sql`select settings from workspaces where id = ${input.workspaceId} for update`);
    const current = presentRoutingSettings(routingSettingsFrom(rows.rows[0]?.settings));
    const next: RoutingSettingsView = { ...current, ...input.change };
    await workspaceStore.saveSettingsSection(tx, input.workspaceId, 'routing', next);
    const fields = Object.keys(input.change);
    await recordAudit(tx, deps, input.actor, { workspaceId: input.workspaceId, action: 'settings.routing_updated', targetType: 'workspace', targetId: input.workspaceId, detail: { fields } });
    await emit(tx, deps, { name: 'workspace.settings_changed', workspaceId: input.workspaceId, payload: { section: 'routing', fields, by: input.actor.userId } });
    return next;
  });
  deps.settings.forget(input.workspaceId);
  return presentRoutingSettings(routingSettingsOf(saved));
}
