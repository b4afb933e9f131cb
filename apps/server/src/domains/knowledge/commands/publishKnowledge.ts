import { emit } from '../../../events/catalog.ts';
import type { KnowledgeDeps } from '../deps.ts';
import { liveModelOf } from '../liveModels.ts';
import { entryStore, modelStore } from '../store.ts';

export type PublishedModel = { version: number; entries: number; trainedAt: Date };

/**
 * Retrains the workspace's FAQ model from its published entries, stores it, and makes it live on
 * this node before returning (other nodes swap it in on `knowledge.published`).
 */
export async function publishKnowledge(deps: KnowledgeDeps, input: { workspaceId: string }): Promise<PublishedModel> {
  return deps.models.serialize(input.workspaceId, async () => {
    const trainedAt = deps.clock.now();
    const entries = await entryStore.answerable(deps.db.sql, input.workspaceId, trainedAt);
    const { matcher, bytes } = await deps.models.train(entries);
    const version = await deps.db.transaction(async (tx) => {
      const saved = await modelStore.save(tx, { workspaceId: input.workspaceId, entries: entries.length, bytes, trainedAt });
      await emit(tx, deps, { name: 'knowledge.published', workspaceId: input.workspaceId, payload: { version: saved, entries: entries.length } });
      return saved;
    });
    deps.models.install(input.workspaceId, liveModelOf(version, matcher, entries, trainedAt));
    return { version, entries: entries.length, trainedAt };
  });
}
