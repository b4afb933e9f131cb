import type { DomainError } from '../../../platform/errors.ts';
import { emit } from '../../../events/catalog.ts';
import type { ConversationsDeps } from '../deps.ts';
import { normalizeTags } from '../dispositions.ts';
import { conversationErrors } from '../errors.ts';
import { inboxErrors } from '../inboxErrors.ts';
import { conversationStore, type Conversation } from '../store.ts';

/** Replaces a conversation's tags while it is worked on (any agent of the workspace may; closed ones keep theirs). */
export async function setConversationTags(deps: ConversationsDeps, input: { workspaceId: string; userId: string; conversationId: string; tags: string[] }): Promise<Conversation | DomainError> {
  return deps.db.transaction(async (tx) => {
    const conversation = await conversationStore.lockById(tx, input.workspaceId, input.conversationId);
    if (!conversation) return conversationErrors.notFound(input.conversationId);
    if (conversation.status === 'closed') return inboxErrors.cannotTag(conversation.status);
    const tags = normalizeTags(input.tags);
    const updated = await conversationStore.update(tx, input.workspaceId, conversation.id, { tags });
    await emit(tx, deps, { name: 'conversation.tagged', workspaceId: input.workspaceId, payload: { conversationId: conversation.id, by: input.userId, tags } });
    return updated!;
  });
}
