import { RoutingSettings as RoutingSettingsSchema, type RoutingSettingsView } from '@lingxi/contracts';
import type { Database } from '../../platform/db/index.ts';
import { createSettingsCache, type SettingsSource } from '../accounts/index.ts';
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

/** Routing settings as this node sees them (re-read every few seconds, or at once after a change). */
export type RoutingSettingsSource = SettingsSource<RoutingSettings>;

export function createRoutingSettings(deps: { db: Database; ttlMs?: number }): RoutingSettingsSource {
  return createSettingsCache({ ...deps, from: routingSettingsFrom });
}
