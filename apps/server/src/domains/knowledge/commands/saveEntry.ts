import type { DomainError } from '../../../platform/errors.ts';
import { emit } from '../../../events/catalog.ts';
import type { KnowledgeDeps } from '../deps.ts';
import { knowledgeErrors } from '../errors.ts';
import { languageOf, snapshotOf, type EntryContent } from '../model.ts';
import { entryStore, versionStore, type KnowledgeEntry } from '../store.ts';
import { publishKnowledge } from './publishKnowledge.ts';

type Status = 'draft' | 'published' | 'archived';

/** Creates an entry (version 1); publishing it retrains the bot before this returns. */
export async function createEntry(deps: KnowledgeDeps, input: { workspaceId: string; by: string | null; content: EntryContent; status: 'draft' | 'published' }): Promise<KnowledgeEntry | DomainError> {
  const taken = await entryStore.byQuestions(deps.db.sql, input.workspaceId, [input.content.question]);
  if (taken.some((e) => e.status !== 'archived')) return knowledgeErrors.questionTaken(input.content.question);
  const now = deps.clock.now();
  const entry = await deps.db.transaction(async (tx) => {
    const [created] = await entryStore.insertMany(tx, [
      { id: deps.ids.next(), workspaceId: input.workspaceId, ...input.content, language: languageOf(input.content), status: input.status, version: 1, updatedBy: input.by, createdAt: now, updatedAt: now },
    ]);
    await versionStore.insertMany(tx, [{ entryId: created!.id, version: 1, workspaceId: input.workspaceId, action: 'created', snapshot: snapshotOf({ ...input.content, status: input.status }), changedBy: input.by, changedAt: now }]);
    await emit(tx, deps, { name: 'knowledge.entry_changed', workspaceId: input.workspaceId, payload: { entryId: created!.id, version: 1, action: 'created', by: input.by } });
    return created!;
  });
  if (input.status === 'published') await publishKnowledge(deps, { workspaceId: input.workspaceId });
  return entry;
}

/**
 * Changes an entry and records the new version (who, when, full snapshot). If the entry is or was
 * published, the bot is retrained before this returns.
 */
export async function changeEntry(
  deps: KnowledgeDeps,
  input: { workspaceId: string; entryId: string; by: string | null; changes: Partial<EntryContent> & { status?: Status }; action: string },
): Promise<KnowledgeEntry | DomainError> {
  const current = await entryStore.byId(deps.db.sql, input.workspaceId, input.entryId);
  if (!current) return knowledgeErrors.notFound(input.entryId);
  const next = { ...current, ...input.changes };
  if (next.validFrom && next.validTo && next.validFrom >= next.validTo) return knowledgeErrors.badWindow();
  if (input.changes.question && input.changes.question !== current.question) {
    const taken = await entryStore.byQuestions(deps.db.sql, input.workspaceId, [input.changes.question]);
    if (taken.some((e) => e.id !== current.id && e.status !== 'archived')) return knowledgeErrors.questionTaken(input.changes.question);
  }
  const now = deps.clock.now();
  const version = current.version + 1;
  const updated = await deps.db.transaction(async (tx) => {
    const row = await entryStore.update(tx, input.workspaceId, input.entryId, { ...input.changes, language: languageOf(next), version, updatedBy: input.by, updatedAt: now });
    await versionStore.insertMany(tx, [{ entryId: current.id, version, workspaceId: input.workspaceId, action: input.action, snapshot: snapshotOf(next), changedBy: input.by, changedAt: now }]);
    await emit(tx, deps, { name: 'knowledge.entry_changed', workspaceId: input.workspaceId, payload: { entryId: current.id, version, action: input.action, by: input.by } });
    return row!;
  });
  if (current.status === 'published' || updated.status === 'published') await publishKnowledge(deps, { workspaceId: input.workspaceId });
  return updated;
}
