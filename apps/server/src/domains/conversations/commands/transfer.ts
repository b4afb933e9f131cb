import { emit, type NewEvent } from '../../../events/catalog.ts';
import type { DomainError } from '../../../platform/errors.ts';
import { isDomainError } from '../../../platform/errors.ts';
import { userStore } from '../../accounts/index.ts';
import { checkTransferTarget, routeTransfer, teamStore, type RoutingDeps, type TransferTarget } from '../../routing/index.ts';
import type { ConversationsDeps } from '../deps.ts';
import { conversationErrors } from '../errors.ts';
import { transition } from '../model.ts';
import { noticeLanguage, notices } from '../notices.ts';
import { messagePayload } from '../present.ts';
import { conversationStore, messageStore, type Conversation, type NewMessage } from '../store.ts';

export type HandoverDeps = ConversationsDeps & { routing: RoutingDeps };
type Caller = { workspaceId: string; userId: string; canSupervise: boolean };

/**
 * Hands a conversation to a colleague (offered to them until the accept time runs out) or to a team (back
 * to the queue for its members only). The note stays private; the customer is told they are being transferred.
 */
export async function transferConversation(deps: HandoverDeps, input: Caller & { conversationId: string; target: TransferTarget; note: string | null }): Promise<Conversation | DomainError> {
  return deps.db.transaction(async (tx) => {
    const conversation = await conversationStore.lockById(tx, input.workspaceId, input.conversationId);
    if (!conversation) return conversationErrors.notFound(input.conversationId);
    const mine = conversation.assigneeId === input.userId;
    if (!mine && !input.canSupervise) return conversationErrors.notAssignedToYou();
    const next = transition(conversation.status, { type: 'transfer' });
    if (isDomainError(next)) return next;
    const problem = await checkTransferTarget(tx, { workspaceId: input.workspaceId, target: input.target, fromAgentId: conversation.assigneeId });
    if (problem) return problem;

    const now = deps.clock.now();
    const language = await noticeLanguage(tx, input.workspaceId, conversation);
    const targetName = input.target.toTeamId
      ? ((await teamStore.list(tx, input.workspaceId)).find((t) => t.id === input.target.toTeamId)?.name ?? input.target.toTeamId)
      : ((await userStore.byId(tx, input.workspaceId, input.target.toAgentId!))?.name ?? input.target.toAgentId!);
    const base = { workspaceId: input.workspaceId, conversationId: conversation.id, createdAt: now };
    const rows: NewMessage[] = [
      { ...base, id: deps.ids.next(), author: 'agent', authorId: input.userId, kind: 'note', private: true, text: notices.transferNote(language, targetName, input.note), meta: { transfer: { toAgentId: input.target.toAgentId ?? null, toTeamId: input.target.toTeamId ?? null } } },
      { ...base, id: deps.ids.next(), author: 'system', kind: 'system', private: false, text: notices.transferring(language), meta: {} },
    ];
    const updated = await conversationStore.update(tx, input.workspaceId, conversation.id, { status: next, assigneeId: null, queuedAt: conversation.queuedAt ?? now });
    const messages = await messageStore.append(tx, input.workspaceId, conversation.id, rows);
    await routeTransfer(tx, deps.routing, { workspaceId: input.workspaceId, conversationId: conversation.id, target: input.target, fromAgentId: conversation.assigneeId });
    const events: NewEvent[] = [
      ...messages.map((m) => ({ name: 'message.created' as const, workspaceId: input.workspaceId, payload: { conversationId: conversation.id, message: messagePayload(m) } })),
      {
        name: 'conversation.transferred',
        workspaceId: input.workspaceId,
        payload: { conversationId: conversation.id, fromAgentId: conversation.assigneeId, by: input.userId, toAgentId: input.target.toAgentId ?? null, toTeamId: input.target.toTeamId ?? null, note: input.note },
      },
      {
        name: 'conversation.status_changed',
        workspaceId: input.workspaceId,
        payload: { conversationId: conversation.id, from: conversation.status, to: next, assigneeId: null, queuePosition: null, estimatedWaitSeconds: null },
      },
    ];
    await emit(tx, deps, ...events);
    // The notices above moved lastMessageAt after `updated` was read; the inbox sorts by it.
    return { ...updated!, lastMessageAt: now };
  });
}
