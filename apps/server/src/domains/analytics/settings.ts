import { sql } from 'drizzle-orm';
import { AnalyticsSettings } from '@lingxi/contracts';
import type { Database, Executor } from '../../platform/db/index.ts';
import { workspaceStore } from '../accounts/index.ts';

/** Defaults that fit a small team: every field of workspace settings `analytics` may be left out. */
export const defaultAnalyticsSettings: AnalyticsSettings = {
  timezone: 'Asia/Shanghai',
  idleMinutes: 30,
  queueLengthAlert: 10,
  longestWaitAlertSeconds: 300,
  slaFirstResponseSeconds: 180,
  costPerBotConversation: 0.3,
  costPerHumanConversation: 12,
  currency: 'CNY',
  surge: { windowMinutes: 10, baselineHours: 24, minCount: 5, ratio: 3 },
};

/** Reads `settings.analytics` leniently: each bad or missing field falls back to its default. */
export function analyticsSettingsFrom(settings: unknown): AnalyticsSettings {
  const raw = ((settings as { analytics?: Record<string, unknown> } | null)?.analytics ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = { ...defaultAnalyticsSettings };
  for (const [key, schema] of Object.entries(AnalyticsSettings.shape)) {
    if (key === 'surge') continue;
    const parsed = (schema as { safeParse(v: unknown): { success: boolean; data?: unknown } }).safeParse(raw[key]);
    if (parsed.success) out[key] = parsed.data;
  }
  const surge: Record<string, unknown> = { ...defaultAnalyticsSettings.surge };
  const rawSurge = (raw.surge ?? {}) as Record<string, unknown>;
  for (const [key, schema] of Object.entries(AnalyticsSettings.shape.surge.shape)) {
    const parsed = (schema as { safeParse(v: unknown): { success: boolean; data?: unknown } }).safeParse(rawSurge[key]);
    if (parsed.success) surge[key] = parsed.data;
  }
  out.surge = surge;
  if (!isTimeZone(out.timezone as string)) out.timezone = defaultAnalyticsSettings.timezone;
  return out as AnalyticsSettings;
}

/** The settings in effect, read in the caller's transaction (`forUpdate` to change them). */
export async function readAnalyticsSettings(db: Executor, workspaceId: string, forUpdate = false): Promise<AnalyticsSettings> {
  const rows = await db.execute<{ settings: unknown }>(
    forUpdate ? sql`select settings from workspaces where id = ${workspaceId} for update` : sql`select settings from workspaces where id = ${workspaceId}`,
  );
  return analyticsSettingsFrom(rows.rows[0]?.settings);
}

/** Writes settings `analytics` whole, leaving the other sections (bot, routing …) as they are. */
export async function saveAnalyticsSettings(db: Executor, workspaceId: string, value: AnalyticsSettings): Promise<void> {
  await db.execute(sql`
    update workspaces set settings = jsonb_set(coalesce(settings, '{}'::jsonb), '{analytics}', ${JSON.stringify(value)}::jsonb, true)
    where id = ${workspaceId}`);
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Settings change rarely: each node re-reads them at most every few seconds. */
export type AnalyticsSettingsSource = (workspaceId: string) => Promise<AnalyticsSettings>;
export type AnalyticsSettingsCache = AnalyticsSettingsSource & {
  /** Drops this node's cached copy: after a change, on every node (`workspace.settings_changed`, section `analytics`). */
  forget(workspaceId: string): void;
};
export function createAnalyticsSettings(deps: { db: Database; ttlMs?: number }): AnalyticsSettingsCache {
  const cache = new Map<string, { at: number; value: AnalyticsSettings }>();
  // A read that was out when the forget came must not put the old settings back.
  const generation = new Map<string, number>();
  const ttl = deps.ttlMs ?? 5_000;
  const source = async (workspaceId: string) => {
    const hit = cache.get(workspaceId);
    if (hit && performance.now() - hit.at < ttl) return hit.value;
    const startedIn = generation.get(workspaceId) ?? 0;
    const workspace = await workspaceStore.byId(deps.db.sql, workspaceId);
    const value = analyticsSettingsFrom(workspace?.settings);
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

function localParts(at: Date, timezone: string): Record<string, number> {
  return Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(at)
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<string, number>;
}

/** How far the zone's clock is ahead of UTC at that instant, in ms. */
function offsetAt(at: Date, timezone: string): number {
  const p = localParts(at, timezone);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - Math.floor(at.getTime() / 1000) * 1000;
}

/**
 * The instant the local day of `at` began in a time zone. The offset is taken at midnight, not at `at`, so a
 * day on which the clocks change (Europe/Berlin in March and October) still starts at its own midnight.
 */
export function startOfLocalDay(at: Date, timezone: string): Date {
  const p = localParts(at, timezone);
  const midnightAsUtc = Date.UTC(p.year!, p.month! - 1, p.day!);
  const guess = midnightAsUtc - offsetAt(at, timezone);
  return new Date(midnightAsUtc - offsetAt(new Date(guess), timezone));
}
