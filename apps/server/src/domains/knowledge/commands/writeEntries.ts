import type { Tx } from '../../../platform/db/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Ids } from '../../../platform/ids.ts';
import { emit, type NewEvent } from '../../../events/catalog.ts';
import { languageOf, snapshotOf, type EntryContent } from '../model.ts';
import { entryStore, versionStore } from '../store.ts';

const EVENTS_PER_STATEMENT = 2_000;

/**
 * Writes checked rows as published entries in the caller's transaction: a new question becomes an entry
 * (version 1), a known one gets a new version (all in a few statements, however many rows). The bot is not
 * retrained here: the caller publishes once.
 */
export async function writeEntries(tx: Tx, deps: { ids: Ids; clock: Clock }, input: { workspaceId: string; by: string | null; rows: readonly EntryContent[] }): Promise<number> {
  if (input.rows.length === 0) return 0;
  const now = deps.clock.now();
  const existing = await entryStore.versionsByQuestion(tx, input.workspaceId, input.rows.map((r) => r.question));
  const written = input.rows.map((content) => {
    const old = existing.get(content.question);
    return {
      id: old?.id ?? deps.ids.next(), workspaceId: input.workspaceId, ...content, language: languageOf(content), status: 'published' as const,
      version: old ? old.version + 1 : 1, updatedBy: input.by, createdAt: old?.createdAt ?? now, updatedAt: now,
    };
  });
  await entryStore.upsertMany(tx, written);
  const versions = written.map((e) => ({ entryId: e.id, version: e.version, workspaceId: input.workspaceId, action: 'imported', snapshot: snapshotOf(e), changedBy: input.by, changedAt: now }));
  await versionStore.insertMany(tx, versions);
  const events: NewEvent[] = versions.map((v) => ({ name: 'knowledge.entry_changed', workspaceId: input.workspaceId, payload: { entryId: v.entryId, version: v.version, action: 'imported', by: input.by } }));
  for (let i = 0; i < events.length; i += EVENTS_PER_STATEMENT) await emit(tx, deps, ...events.slice(i, i + EVENTS_PER_STATEMENT));
  return input.rows.length;
}
