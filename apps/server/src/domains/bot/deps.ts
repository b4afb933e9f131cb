import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/index.ts';
import { workspaceStore } from '../accounts/index.ts';
import type { LiveModels } from '../knowledge/index.ts';
import { thresholdsFrom, type BotThresholds } from './model.ts';

export type BotSettings = BotThresholds & { orderLookupUrl: string | null };

export type BotDeps = {
  clock: Clock;
  models: LiveModels;
  settings(workspaceId: string): Promise<BotSettings>;
  /** This server's own address once it listens (the demo order service lives here). */
  selfUrl(): string | null;
};

/**
 * Workspace settings change rarely: each node re-reads them every few seconds in the background and a
 * reply never waits for that read (only the very first one of a workspace does).
 */
export function createBotSettings(deps: { db: Database; ttlMs?: number }): (workspaceId: string) => Promise<BotSettings> {
  const cache = new Map<string, { at: number; value: BotSettings }>();
  const reading = new Map<string, Promise<BotSettings>>();
  const ttl = deps.ttlMs ?? 5_000;
  function read(workspaceId: string): Promise<BotSettings> {
    const pending = reading.get(workspaceId);
    if (pending) return pending;
    const next = workspaceStore
      .byId(deps.db.sql, workspaceId)
      .then((workspace) => {
        const bot = (workspace?.settings as { bot?: { orderLookupUrl?: unknown } } | undefined)?.bot;
        const value = { ...thresholdsFrom(workspace?.settings), orderLookupUrl: typeof bot?.orderLookupUrl === 'string' ? bot.orderLookupUrl : null };
        cache.set(workspaceId, { at: performance.now(), value });
        return value;
      })
      .finally(() => reading.delete(workspaceId));
    reading.set(workspaceId, next);
    return next;
  }
  return async (workspaceId) => {
    const hit = cache.get(workspaceId);
    if (!hit) return read(workspaceId);
    if (performance.now() - hit.at > ttl) void read(workspaceId).catch(() => undefined);
    return hit.value;
  };
}
