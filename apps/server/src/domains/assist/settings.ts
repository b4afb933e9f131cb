import { workspaceStore } from '../accounts/index.ts';
import { AssistSettings } from '@lingxi/contracts';
import type { Database, Executor } from '../../platform/db/index.ts';
import { defaultAssistSettings } from './model.ts';

/** Reads workspace settings `assist` leniently: each missing or bad field falls back to its default. */
export function assistSettingsFrom(settings: unknown): AssistSettings {
  const raw = ((settings as { assist?: Record<string, unknown> } | null)?.assist ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = { ...defaultAssistSettings };
  for (const [key, schema] of Object.entries(AssistSettings.shape)) {
    const parsed = (schema as { safeParse(v: unknown): { success: boolean; data?: unknown } }).safeParse(raw[key]);
    if (parsed.success) out[key] = parsed.data;
  }
  return out as AssistSettings;
}

export async function readAssistSettings(db: Executor, workspaceId: string): Promise<AssistSettings> {
  return assistSettingsFrom(await workspaceStore.settings(db, workspaceId));
}

/** Merges the change into settings `assist`, leaving the other sections as they are. */
export async function saveAssistSettings(db: Database, workspaceId: string, change: Partial<AssistSettings>): Promise<AssistSettings> {
  return db.transaction(async (tx) => {
    const next = { ...assistSettingsFrom(await workspaceStore.settings(tx, workspaceId, true)), ...change };
    await workspaceStore.saveSettingsSection(tx, workspaceId, 'assist', next);
    return next;
  });
}
