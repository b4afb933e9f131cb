import { sql } from 'drizzle-orm';
import { RoutingSettings as RoutingSettingsSchema, type RoutingSettingsView } from '@lingxi/contracts';
import type { Database, Executor } from '../../platform/db/index.ts';
import { defaultRoutingSettings, type RoutingSettings } from './deps.ts';
import type { BusinessHours } from './overflow.ts';

/** Reads workspace settings `routing` leniently: each missing or bad top-level field falls back to its default. */
export function routingSettingsFrom(settings: unknown): RoutingSettings {
  const raw = ((settings as { routing?: Record<string, unknown> } | null)?.routing ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = { ...defaultRoutingSettings };
  for (const [key, schema] of Object.entries(RoutingSettingsSchema.shape)) {
    const parsed = (schema as { safeParse(v: unknown): { success: boolean; data?: unknown } }).safeParse(raw[key]);
    if (parsed.success) out[key] = parsed.data;
  }
  return out as RoutingSettings;
}

/** The settings as the API shows them (business-hours days as string keys, lists always present). */
export function presentRoutingSettings(s: RoutingSettings): RoutingSettingsView {
  return { ...s, businessHours: { ...s.businessHours, weekly: s.businessHours.weekly as RoutingSettingsView['businessHours']['weekly'], extraWorkdays: s.businessHours.extraWorkdays ?? [] } };
}

export function routingSettingsOf(view: RoutingSettingsView): RoutingSettings {
  return { ...view, businessHours: view.businessHours as unknown as BusinessHours };
}

export type RoutingSettingsSource = {
  (workspaceId: string, db?: Executor): Promise<RoutingSettings>;
  /** Drops this node's cached copy: after a change, on every node (`workspace.settings_changed`, section `routing`). */
  forget(workspaceId: string): void;
};

/** Settings change rarely: each node re-reads them at most every few seconds, through the caller's transaction if any. */
export function createRoutingSettings(deps: { db: Database; ttlMs?: number }): RoutingSettingsSource {
  const cache = new Map<string, { at: number; value: RoutingSettings }>();
  // A read that was out when the forget came must not put the old settings back.
  const generation = new Map<string, number>();
  const ttl = deps.ttlMs ?? 5_000;
  const source = async (workspaceId: string, db?: Executor) => {
    const hit = cache.get(workspaceId);
    if (hit && performance.now() - hit.at < ttl) return hit.value;
    const startedIn = generation.get(workspaceId) ?? 0;
    const rows = await (db ?? deps.db.sql).execute<{ settings: unknown }>(sql`select settings from workspaces where id = ${workspaceId}`);
    const value = routingSettingsFrom(rows.rows[0]?.settings);
    if ((generation.get(workspaceId) ?? 0) === startedIn) cache.set(workspaceId, { at: performance.now(), value });
    return value;
  };
  return Object.assign(source, {
    forget(workspaceId: string) {
      generation.set(workspaceId, (generation.get(workspaceId) ?? 0) + 1);
      cache.delete(workspaceId);
    },
  });
}

/** Writes one section of the workspace's settings jsonb, leaving the other sections (bot, analytics, …) as they are. */
export async function saveSettingsSection(db: Executor, workspaceId: string, section: string, value: unknown): Promise<void> {
  await db.execute(sql`
    update workspaces set settings = jsonb_set(coalesce(settings, '{}'::jsonb), ${`{${section}}`}::text[], ${JSON.stringify(value)}::jsonb, true)
    where id = ${workspaceId}`);
}
