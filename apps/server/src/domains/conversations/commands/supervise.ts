import { emit } from '../../../events/catalog.ts';
import type { DomainError } from '../../../platform/errors.ts';
import { domainError, isDomainError } from '../../../platform/errors.ts';
import { userStore } from '../../accounts/index.ts';
import type { ConversationsDeps } from '../deps.ts';
import { conversationErrors } from '../errors.ts';
import { transition } from '../model.ts';
import { hasJoined, noticeLanguage, notices } from '../notices.ts';
import { messagePayload } from '../present.ts';
import { conversationStore, messageStore, type Conversation, type Message } from '../store.ts';
import { mentionsForNote, recordMentions } from './recordMentions.ts';

type Supervisor = { workspaceId: string; userId: string };

export const superviseErrors = {
  agentNotFound: (id: string) => domainError('AGENT_NOT_FOUND', 404, `No active user ${id} in this workspace.`, 'Pick an agent from GET /api/v1/agents.', [{ path: 'body.agentId', message: 'no such agent' }]),
  notAssigned: (status: string) => domainError('CONVERSATION_NOT_ASSIGNED', 409, `The conversation is ${status}; there is no agent to join.`, 'Accept it from the queue instead, or reassign it.'),
};

/** A supervisor gives a waiting or assigned conversation to a chosen agent (presence and capacity are theirs to judge). */
export async function reassignConversation(deps: ConversationsDeps, input: Supervisor & { conversationId: string; agentId: string }): Promise<Conversation | DomainError> {
  return deps.db.transaction(async (tx) => {
    const conversation = await conversationStore.lockById(tx, input.workspaceId, input.conversationId);
    if (!conversation) return conversationErrors.notFound(input.conversationId);
    const agent = await userStore.byId(tx, input.workspaceId, input.agentId);
    if (!agent || agent.disabledAt !== null) return superviseErrors.agentNotFound(input.agentId);
    const next = transition(conversation.status, { type: 'assign', agentId: agent.id });
    if (isDomainError(next)) return next;
    if (conversation.status === 'assigned' && conversation.assigneeId === agent.id) return conversation;
    const now = deps.clock.now();
    const language = await noticeLanguage(tx, input.workspaceId, conversation);
    const updated = await conversationStore.update(tx, input.workspaceId, conversation.id, { status: next, assigneeId: agent.id, assignedAt: now });
    const [note] = await messageStore.append(tx, input.workspaceId, conversation.id, [
      { id: deps.ids.next(), workspaceId: input.workspaceId, conversationId: conversation.id, author: 'system', authorId: input.userId, kind: 'note', private: true, text: notices.reassigned(language, agent.name), meta: { reassigned: { from: conversation.assigneeId, to: agent.id } }, createdAt: now },
    ]);
    await emit(
      tx,
      deps,
      { name: 'message.created', workspaceId: input.workspaceId, payload: { conversationId: conversation.id, message: messagePayload(note!) } },
      { name: 'conversation.reassigned', workspaceId: input.workspaceId, payload: { conversationId: conversation.id, fromAgentId: conversation.assigneeId, toAgentId: agent.id, by: input.userId } },
      { name: 'conversation.status_changed', workspaceId: input.workspaceId, payload: { conversationId: conversation.id, from: conversation.status, to: next, assigneeId: agent.id, queuePosition: null, estimatedWaitSeconds: null } },
    );
    // The note above moved lastMessageAt after `updated` was read; the inbox sorts by it.
    return { ...updated!, lastMessageAt: now };
  });
}

/** A supervisor joins someone else's conversation: from now on they may reply there too; everyone is told. */
export async function joinConversation(deps: ConversationsDeps, input: Supervisor & { conversationId: string }): Promise<{ conversation: Conversation; message: Message | null } | DomainError> {
  return deps.db.transaction(async (tx) => {
    const conversation = await conversationStore.lockById(tx, input.workspaceId, input.conversationId);
    if (!conversation) return conversationErrors.notFound(input.conversationId);
    if (conversation.status !== 'assigned') return superviseErrors.notAssigned(conversation.status);
    if (conversation.assigneeId === input.userId || (await hasJoined(tx, input.workspaceId, conversation.id, input.userId))) return { conversation, message: null };
    const supervisor = await userStore.byId(tx, input.workspaceId, input.userId);
    const language = await noticeLanguage(tx, input.workspaceId, conversation);
    const [message] = await messageStore.append(tx, input.workspaceId, conversation.id, [
      { id: deps.ids.next(), workspaceId: input.workspaceId, conversationId: conversation.id, author: 'system', authorId: input.userId, kind: 'system', private: false, text: notices.supervisorJoined(language, supervisor?.name ?? ''), meta: { joined: true }, createdAt: deps.clock.now() },
    ]);
    await emit(
      tx,
      deps,
      { name: 'message.created', workspaceId: input.workspaceId, payload: { conversationId: conversation.id, message: messagePayload(message!) } },
      { name: 'conversation.supervisor_joined', workspaceId: input.workspaceId, payload: { conversationId: conversation.id, userId: input.userId } },
    );
    return { conversation, message: message! };
  });
}

/** A whisper: a private note from a supervisor on any open conversation; agents see it, the customer never does. */
export async function whisper(deps: ConversationsDeps, input: Supervisor & { conversationId: string; text: string }): Promise<Message | DomainError> {
  return deps.db.transaction(async (tx) => {
    const conversation = await conversationStore.lockById(tx, input.workspaceId, input.conversationId);
    if (!conversation) return conversationErrors.notFound(input.conversationId);
    if (conversation.status === 'closed') return conversationErrors.closed();
    const mentioned = await mentionsForNote(tx, input.workspaceId, input.text);
    const [message] = await messageStore.append(tx, input.workspaceId, conversation.id, [
      { id: deps.ids.next(), workspaceId: input.workspaceId, conversationId: conversation.id, author: 'agent', authorId: input.userId, kind: 'note', private: true, text: input.text, meta: { whisper: true, to: conversation.assigneeId, ...(mentioned.length ? { mentions: mentioned } : {}) }, createdAt: deps.clock.now() },
    ]);
    await emit(tx, deps, { name: 'message.created', workspaceId: input.workspaceId, payload: { conversationId: conversation.id, message: messagePayload(message!) } });
    await recordMentions(tx, deps, message!, mentioned);
    return message!;
  });
}
