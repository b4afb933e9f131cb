import type { DomainError } from '../../../platform/errors.ts';
import type { Database } from '../../../platform/db/index.ts';
import { contactStore, presentContact } from '../../contacts/index.ts';
import { conversationErrors } from '../errors.ts';
import { presentAgentMessage, presentConversation, presentMessage, presentState } from '../present.ts';
import { conversationStore, messageStore } from '../store.ts';
import type { ConversationsDeps } from '../deps.ts';

type Scope = { db: Database };

/** Messages after a cursor, in order: reconnect backfill and history. Customers never see private notes. */
export async function messagesAfter(deps: Scope, input: { workspaceId: string; conversationId: string; after: string | null; includePrivate: boolean; limit?: number }) {
  let afterSeq = 0;
  if (input.after) {
    const seq = await messageStore.seqOf(deps.db.sql, input.workspaceId, input.conversationId, input.after);
    if (seq === null) return conversationErrors.messageNotFound(input.after);
    afterSeq = seq;
  }
  return messageStore.after(deps.db.sql, input.workspaceId, input.conversationId, afterSeq, { includePrivate: input.includePrivate, limit: input.limit ?? 500 });
}

export async function customerMessagesAfter(deps: Scope, input: { workspaceId: string; conversationId: string; after: string | null }) {
  const found = await messagesAfter(deps, { ...input, includePrivate: false });
  return Array.isArray(found) ? { messages: found.map(presentMessage) } : found;
}

export async function conversationState(deps: Scope & Pick<ConversationsDeps, 'secondsPerQueuedConversation' | 'queueStanding'>, input: { workspaceId: string; conversationId: string }) {
  const conversation = await conversationStore.byId(deps.db.sql, input.workspaceId, input.conversationId);
  if (!conversation) return conversationErrors.notFound(input.conversationId);
  // Routing's service order and wait estimate, the same numbers the socket pushes as the queue changes.
  const standing = conversation.status === 'queued' && deps.queueStanding ? await deps.queueStanding(input.workspaceId, conversation.id) : null;
  if (standing) return { id: conversation.id, status: conversation.status, ...standing };
  const ahead = conversation.status === 'queued' ? await conversationStore.queueAhead(deps.db.sql, input.workspaceId, conversation) : null;
  return presentState(conversation.id, conversation.status, ahead, deps.secondsPerQueuedConversation);
}

/** Everything an agent needs on one screen: the conversation, the customer, every message and the handoff package. */
export async function conversationDetail(deps: Scope, input: { workspaceId: string; conversationId: string }): Promise<DomainError | Record<string, unknown>> {
  const conversation = await conversationStore.byId(deps.db.sql, input.workspaceId, input.conversationId);
  if (!conversation) return conversationErrors.notFound(input.conversationId);
  const [contact, messages, ahead] = await Promise.all([
    contactStore.byId(deps.db.sql, input.workspaceId, conversation.contactId),
    messageStore.after(deps.db.sql, input.workspaceId, conversation.id, 0, { includePrivate: true, limit: 2000 }),
    conversation.status === 'queued' ? conversationStore.queueAhead(deps.db.sql, input.workspaceId, conversation) : Promise.resolve(null),
  ]);
  return {
    conversation: presentConversation({ ...conversation, contactName: contact?.name ?? null }, ahead === null ? null : ahead + 1),
    contact: presentContact(contact!),
    messages: messages.map(presentAgentMessage),
    handoff: conversation.handoff ?? null,
    csat: conversation.csatScore === null ? null : { score: conversation.csatScore, comment: conversation.csatComment },
  };
}
