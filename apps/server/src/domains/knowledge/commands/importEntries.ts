import type { Problem } from '../../../platform/errors.ts';
import { emit } from '../../../events/catalog.ts';
import type { KnowledgeDeps } from '../deps.ts';
import { languageOf, parseImport, snapshotOf } from '../model.ts';
import { entryStore, versionStore } from '../store.ts';
import { publishKnowledge } from './publishKnowledge.ts';

export type ImportResult = { imported: number; errors: { line: number; problems: Problem[] }[]; modelVersion: number | null };

/**
 * Imports JSON Lines (or parsed entries): good rows are published (an entry with the same question is
 * updated, as a new version), bad rows are reported by line, and the bot answers from the new
 * entries as soon as this returns.
 */
export async function importEntries(deps: KnowledgeDeps, input: { workspaceId: string; by: string | null; source: string | unknown[]; format?: 'jsonl' | 'csv' }): Promise<ImportResult> {
  const parsed = parseImport(input.source, input.format);
  if (parsed.rows.length === 0) return { imported: 0, errors: parsed.errors, modelVersion: null };
  const now = deps.clock.now();
  const existing = new Map(
    (await entryStore.byQuestions(deps.db.sql, input.workspaceId, parsed.rows.map((r) => r.content.question))).map((e) => [e.question, e]),
  );
  await deps.db.transaction(async (tx) => {
    const fresh = parsed.rows.filter((r) => !existing.has(r.content.question));
    const created = await entryStore.insertMany(
      tx,
      fresh.map((r) => ({ id: deps.ids.next(), workspaceId: input.workspaceId, ...r.content, language: languageOf(r.content), status: 'published' as const, version: 1, updatedBy: input.by, createdAt: now, updatedAt: now })),
    );
    const versions = created.map((e) => ({ entryId: e.id, version: 1, workspaceId: input.workspaceId, action: 'imported', snapshot: snapshotOf({ ...e, status: 'published' }), changedBy: input.by, changedAt: now }));
    for (const row of parsed.rows) {
      const old = existing.get(row.content.question);
      if (!old) continue;
      const version = old.version + 1;
      await entryStore.update(tx, input.workspaceId, old.id, { ...row.content, language: languageOf(row.content), status: 'published', version, updatedBy: input.by, updatedAt: now });
      versions.push({ entryId: old.id, version, workspaceId: input.workspaceId, action: 'imported', snapshot: snapshotOf({ ...row.content, status: 'published' }), changedBy: input.by, changedAt: now });
    }
    await versionStore.insertMany(tx, versions);
    await emit(tx, deps, ...versions.map((v) => ({ name: 'knowledge.entry_changed' as const, workspaceId: input.workspaceId, payload: { entryId: v.entryId, version: v.version, action: 'imported', by: input.by } })));
  });
  const model = await publishKnowledge(deps, { workspaceId: input.workspaceId });
  return { imported: parsed.rows.length, errors: parsed.errors, modelVersion: model.version };
}
