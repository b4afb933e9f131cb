import type { DomainError } from '../../../platform/errors.ts';
import { emit } from '../../../events/catalog.ts';
import type { ConversationsDeps } from '../deps.ts';
import { conversationErrors } from '../errors.ts';
import { conversationStore, messageStore } from '../store.ts';

type Customer = { workspaceId: string; conversationId: string };

/** "Was this helpful?" on a bot answer; the latest click counts. */
export async function rateAnswer(deps: ConversationsDeps, input: Customer & { messageId: string; helpful: boolean }): Promise<{ ok: true } | DomainError> {
  const message = await messageStore.byId(deps.db.sql, input.workspaceId, input.conversationId, input.messageId);
  if (!message) return conversationErrors.messageNotFound(input.messageId);
  if (message.author !== 'bot') return conversationErrors.notABotAnswer(input.messageId);
  await deps.db.transaction(async (tx) => {
    await messageStore.setHelpful(tx, input.workspaceId, message.id, input.helpful);
    await emit(tx, deps, { name: 'answer.rated', workspaceId: input.workspaceId, payload: { conversationId: input.conversationId, messageId: message.id, knowledgeEntryId: message.knowledgeEntryId, helpful: input.helpful } });
  });
  return { ok: true };
}

/** CSAT once the conversation is over, once. */
export async function rateConversation(deps: ConversationsDeps, input: Customer & { score: number; comment?: string }): Promise<{ ok: true } | DomainError> {
  return deps.db.transaction(async (tx) => {
    const conversation = await conversationStore.byId(tx, input.workspaceId, input.conversationId);
    if (!conversation) return conversationErrors.notFound(input.conversationId);
    if (conversation.status !== 'resolved' && conversation.status !== 'closed') return conversationErrors.notFinished(conversation.status);
    if (conversation.csatScore !== null) return conversationErrors.alreadyRated();
    await conversationStore.update(tx, input.workspaceId, conversation.id, { csatScore: input.score, csatComment: input.comment ?? null });
    await emit(tx, deps, { name: 'conversation.rated', workspaceId: input.workspaceId, payload: { conversationId: conversation.id, score: input.score, comment: input.comment ?? null, assigneeId: conversation.assigneeId } });
    return { ok: true as const };
  });
}
