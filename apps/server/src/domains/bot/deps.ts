import type { Clock } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/index.ts';
import { workspaceStore } from '../accounts/index.ts';
import type { LiveModels } from '../knowledge/index.ts';
import { botSettingsFrom, type BotSettings } from './settings.ts';

export type { BotSettings };

export type BotDeps = {
  clock: Clock;
  models: LiveModels;
  settings(workspaceId: string): Promise<BotSettings>;
  /** This server's own address once it listens (the demo order service lives here). */
  selfUrl(): string | null;
};

export type BotSettingsSource = {
  (workspaceId: string): Promise<BotSettings>;
  /** Drops this node's copy: the next reply reads the settings afresh (after a change, on every node). */
  forget(workspaceId: string): void;
};

/**
 * Workspace settings change rarely: each node re-reads them every few seconds in the background and a
 * reply never waits for that read (only the very first one of a workspace, or the first after `forget`, does).
 */
export function createBotSettings(deps: { db: Database; ttlMs?: number }): BotSettingsSource {
  const cache = new Map<string, { at: number; value: BotSettings }>();
  const reading = new Map<string, Promise<BotSettings>>();
  // A read that started before a forget must not put the old settings back.
  const generation = new Map<string, number>();
  const ttl = deps.ttlMs ?? 5_000;
  function read(workspaceId: string): Promise<BotSettings> {
    const pending = reading.get(workspaceId);
    if (pending) return pending;
    const startedIn = generation.get(workspaceId) ?? 0;
    const next = workspaceStore
      .byId(deps.db.sql, workspaceId)
      .then((workspace) => {
        const value = botSettingsFrom(workspace?.settings);
        if ((generation.get(workspaceId) ?? 0) === startedIn) cache.set(workspaceId, { at: performance.now(), value });
        return value;
      })
      .finally(() => {
        if (reading.get(workspaceId) === next) reading.delete(workspaceId);
      });
    reading.set(workspaceId, next);
    return next;
  }
  const source = async (workspaceId: string) => {
    const hit = cache.get(workspaceId);
    if (!hit) return read(workspaceId);
    if (performance.now() - hit.at > ttl) void read(workspaceId).catch(() => undefined);
    return hit.value;
  };
  return Object.assign(source, {
    forget(workspaceId: string) {
      generation.set(workspaceId, (generation.get(workspaceId) ?? 0) + 1);
      cache.delete(workspaceId);
      reading.delete(workspaceId);
    },
  });
}
