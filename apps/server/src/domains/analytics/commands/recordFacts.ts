import type { Tx } from '../../../platform/db/index.ts';
import type { Ids } from '../../../platform/ids.ts';
import type { LingxiEvent } from '../../../events/catalog.ts';
import { factsFromEvent } from '../facts.ts';
import { foldFacts, upsertRollups } from '../rollup.ts';
import { factStore } from '../store.ts';

/**
 * The `once` subscriber's work, inside the dispatcher's transaction: two statements per batch — the new
 * facts, then their fold into the per-conversation rows. A fact already stored (a replay) folds nothing.
 */
export async function recordFacts(deps: { ids: Ids }, events: readonly LingxiEvent[], tx: Tx): Promise<number> {
  const facts = events.flatMap(factsFromEvent).filter((f) => f.workspaceId);
  const fresh = await factStore.insertNew(tx, deps.ids, facts);
  await upsertRollups(tx, foldFacts(fresh));
  return fresh.length;
}
