import type { Database, Executor } from '../../platform/db/index.ts';
import { workspaceStore } from './store.ts';

/** A section of workspace settings as this node sees it, and how to drop its copy. */
export type SettingsSource<T> = {
  /** Through the caller's transaction (`db`) when there is one. */
  (workspaceId: string, db?: Executor): Promise<T>;
  /** Drops this node's cached copy: after a change, on every node (`workspace.settings_changed`). */
  forget(workspaceId: string): void;
};

/**
 * Settings change rarely: each node keeps each workspace's section for `ttlMs` and re-reads it after
 * that or after `forget`. A read that was out when the forget came does not put the old value back.
 */
export function createSettingsCache<T>(deps: { db: Database; from(settings: unknown): T; ttlMs?: number }): SettingsSource<T> {
  const cache = new Map<string, { at: number; value: T }>();
  const generation = new Map<string, number>();
  const ttl = deps.ttlMs ?? 5_000;
  const source = async (workspaceId: string, db?: Executor) => {
    const hit = cache.get(workspaceId);
    if (hit && performance.now() - hit.at < ttl) return hit.value;
    const startedIn = generation.get(workspaceId) ?? 0;
    const value = deps.from(await workspaceStore.settings(db ?? deps.db.sql, workspaceId));
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
