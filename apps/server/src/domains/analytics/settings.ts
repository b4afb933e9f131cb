import { AnalyticsSettings } from '@lingxi/contracts';
import type { Database, Executor } from '../../platform/db/index.ts';
import { createSettingsCache, workspaceStore, type SettingsSource } from '../accounts/index.ts';

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
  return analyticsSettingsFrom(await workspaceStore.settings(db, workspaceId, forUpdate));
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Analytics settings as this node sees them (re-read every few seconds, or at once after a change). */
export type AnalyticsSettingsSource = (workspaceId: string) => Promise<AnalyticsSettings>;
export type AnalyticsSettingsCache = SettingsSource<AnalyticsSettings>;
export function createAnalyticsSettings(deps: { db: Database; ttlMs?: number }): AnalyticsSettingsCache {
  return createSettingsCache({ ...deps, from: analyticsSettingsFrom });
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
