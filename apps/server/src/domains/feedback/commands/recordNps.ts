import type { Clock } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/index.ts';
import type { DomainError } from '../../../platform/errors.ts';
import type { Ids } from '../../../platform/ids.ts';
import { emit } from '../../../events/catalog.ts';
import { feedbackErrors } from '../errors.ts';
import { npsStore } from '../store.ts';

export type FeedbackDeps = { db: Database; ids: Ids; clock: Clock };

/** The customer's "would you recommend us" answer, once per conversation, with its event in the same transaction. */
export async function recordNps(
  deps: FeedbackDeps,
  input: { workspaceId: string; conversationId: string; contactId: string; score: number; comment?: string },
): Promise<{ ok: true } | DomainError> {
  return deps.db.transaction(async (tx) => {
    const comment = input.comment?.trim() ? input.comment.trim() : null;
    const stored = await npsStore.insertOnce(tx, { id: deps.ids.next(), workspaceId: input.workspaceId, conversationId: input.conversationId, contactId: input.contactId, score: input.score, comment, createdAt: deps.clock.now() });
    if (!stored) return feedbackErrors.npsAlreadyGiven();
    await emit(tx, deps, { name: 'feedback.nps_recorded', workspaceId: input.workspaceId, payload: { conversationId: input.conversationId, contactId: input.contactId, score: input.score, comment } });
    return { ok: true as const };
  });
}
