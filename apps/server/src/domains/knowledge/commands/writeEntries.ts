import type { Tx } from '../../../platform/db/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Ids } from '../../../platform/ids.ts';
import { emit, type NewEvent } from '../../../events/catalog.ts';
import { languageOf, snapshotOf, type EntryContent } from '../model.ts';
import { entryStore, versionStore } from '../store.ts';

const EVENTS_PER_STATEMENT = 2_000;

/**
 * Writes checked rows as published entries in the caller's transaction: a new question becomes an entry
 * (version 1), a known one gets a new version. The bot is not retrained here (the caller publishes once).
 */
export async function writeEntries(tx: Tx, deps: { ids: Ids; clock: Clock }, input: { workspaceId: string; by: string | null; rows: readonly EntryContent[] }): Promise<number> {
  if (input.rows.length === 0) return 0;
  const now = deps.clock.now();
  const existing = new Map((await entryStore.byQuestions(tx, input.workspaceId, input.rows.map((r) => r.question))).map((e) => [e.question, e]));
  const created = await entryStore.insertMany(
    tx,
    input.rows
      .filter((r) => !existing.has(r.question))
      .map((r) => ({ id: deps.ids.next(), workspaceId: input.workspaceId, ...r, language: languageOf(r), status: 'published' as const, version: 1, updatedBy: input.by, createdAt: now, updatedAt: now })),
  );
  const versions = created.map((e) => ({ entryId: e.id, version: 1, workspaceId: input.workspaceId, action: 'imported', snapshot: snapshotOf({ ...e, status: 'published' }), changedBy: input.by, changedAt: now }));
  for (const row of input.rows) {
    const old = existing.get(row.question);
    if (!old) continue;
    const version = old.version + 1;
    await entryStore.update(tx, input.workspaceId, old.id, { ...row, language: languageOf(row), status: 'published', version, updatedBy: input.by, updatedAt: now });
    versions.push({ entryId: old.id, version, workspaceId: input.workspaceId, action: 'imported', snapshot: snapshotOf({ ...row, status: 'published' }), changedBy: input.by, changedAt: now });
  }
  await versionStore.insertMany(tx, versions);
  const events: NewEvent[] = versions.map((v) => ({ name: 'knowledge.entry_changed', workspaceId: input.workspaceId, payload: { entryId: v.entryId, version: v.version, action: 'imported', by: input.by } }));
  for (let i = 0; i < events.length; i += EVENTS_PER_STATEMENT) await emit(tx, deps, ...events.slice(i, i + EVENTS_PER_STATEMENT));
  return input.rows.length;
}
