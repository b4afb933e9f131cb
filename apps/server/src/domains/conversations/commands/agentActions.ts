import type { DomainError } from '../../../platform/errors.ts';
import { isDomainError } from '../../../platform/errors.ts';
import { emit } from '../../../events/catalog.ts';
import type { ConversationsDeps } from '../deps.ts';
import { conversationErrors } from '../errors.ts';
import { transition } from '../model.ts';
import { messagePayload } from '../present.ts';
import { claimAttachments, linkAttachments } from '../messageAttachments.ts';
import { hasJoined } from '../notices.ts';
import { conversationStore, messageStore, type Conversation, type Message } from '../store.ts';
import { mentionsForNote, recordMentions } from './recordMentions.ts';

type Agent = { workspaceId: string; userId: string };

/** The caller takes a queued conversation. TODO(#5): routing offers conversations by skills and load. */
export async function acceptConversation(deps: ConversationsDeps, input: Agent & { conversationId: string }): Promise<Conversation | DomainError> {
  return deps.db.transaction(async (tx) => {
    const conversation = await conversationStore.lockById(tx, input.workspaceId, input.conversationId);
    if (!conversation) return conversationErrors.notFound(input.conversationId);
    if (conversation.status === 'assigned' && conversation.assigneeId !== input.userId) return conversationErrors.alreadyTaken();
    const next = transition(conversation.status, { type: 'assign', agentId: input.userId });
    if (isDomainError(next)) return next;
    const updated = await conversationStore.update(tx, input.workspaceId, conversation.id, { status: next, assigneeId: input.userId, assignedAt: deps.clock.now() });
    await emit(tx, deps, { name: 'conversation.status_changed', workspaceId: input.workspaceId, payload: { conversationId: conversation.id, from: conversation.status, to: next, assigneeId: input.userId, queuePosition: null, estimatedWaitSeconds: null } });
    return updated!;
  });
}

/** An agent's reply to the customer, or a private note only colleagues see. */
export async function sendAgentMessage(deps: ConversationsDeps, input: Agent & { conversationId: string; text: string; private: boolean; attachments?: string[] | undefined }): Promise<Message | DomainError> {
  return deps.db.transaction(async (tx) => {
    const conversation = await conversationStore.lockById(tx, input.workspaceId, input.conversationId);
    if (!conversation) return conversationErrors.notFound(input.conversationId);
    if (conversation.status === 'closed') return conversationErrors.closed();
    if (!input.private && conversation.assigneeId && conversation.assigneeId !== input.userId && !(await hasJoined(tx, input.workspaceId, conversation.id, input.userId))) return conversationErrors.notAssignedToYou();
    // Only private notes mention colleagues: the customer never sees who was asked.
    const mentioned = input.private ? await mentionsForNote(tx, input.workspaceId, input.text) : [];
    // Files uploaded to this conversation by this agent, on no other message yet (locked until commit).
    const attached = input.attachments?.length ? await claimAttachments(tx, { workspaceId: input.workspaceId, conversationId: conversation.id, ids: input.attachments, sender: { kind: 'agent', id: input.userId } }) : [];
    if (isDomainError(attached)) return attached;
    const [message] = await messageStore.append(tx, input.workspaceId, conversation.id, [
      { id: deps.ids.next(), workspaceId: input.workspaceId, conversationId: conversation.id, author: 'agent', authorId: input.userId, kind: input.private ? 'note' : 'agent', text: input.text, private: input.private, meta: { ...(mentioned.length ? { mentions: mentioned } : {}), ...(attached.length ? { attachments: attached } : {}) }, createdAt: deps.clock.now() },
    ]);
    await emit(tx, deps, { name: 'message.created', workspaceId: input.workspaceId, payload: { conversationId: conversation.id, message: messagePayload(message!) } });
    await recordMentions(tx, deps, message!, mentioned);
    await linkAttachments(tx, input.workspaceId, attached, message!.id);
    return message!;
  });
}
