import type { DomainError } from '../../../platform/errors.ts';
import type { KnowledgeDeps } from '../deps.ts';
import { knowledgeErrors } from '../errors.ts';
import { contentFromSnapshot } from '../model.ts';
import { versionStore, type KnowledgeEntry } from '../store.ts';
import { changeEntry } from './saveEntry.ts';

/** Copies an old version back as a new version: history only grows. */
export async function restoreVersion(deps: KnowledgeDeps, input: { workspaceId: string; entryId: string; version: number; by: string | null }): Promise<KnowledgeEntry | DomainError> {
  const old = await versionStore.get(deps.db.sql, input.workspaceId, input.entryId, input.version);
  if (!old) return knowledgeErrors.versionNotFound(input.entryId, input.version);
  return changeEntry(deps, { workspaceId: input.workspaceId, entryId: input.entryId, by: input.by, changes: contentFromSnapshot(old.snapshot), action: `restored:${input.version}` });
}
