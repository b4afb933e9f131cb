import type { ConversationState, ReplyView } from '@lingxi/contracts';
import { emit } from '../../../events/catalog.ts';
import type { DomainError } from '../../../platform/errors.ts';
import { isDomainError } from '../../../platform/errors.ts';
import { contactStore } from '../../contacts/index.ts';
import type { ConversationsDeps } from '../deps.ts';
import { conversationErrors } from '../errors.ts';
import { transition } from '../model.ts';
import { noticeLanguage, notices } from '../notices.ts';
import { messagePayload, presentReply } from '../present.ts';
import { conversationStore, messageStore, type NewMessage } from '../store.ts';

export type LeftMessage = { text: string; contact?: { email?: string | undefined; phone?: string | undefined } | undefined; callbackAt?: string | undefined };

/**
 * Instead of waiting, the customer leaves a message (and maybe a callback time): the conversation becomes
 * `pending`, a follow-up for agents, with a private note of how to reach them. Leaving another one adds to it.
 */
export async function leaveMessage(deps: ConversationsDeps, input: { workspaceId: string; conversationId: string } & LeftMessage): Promise<(ConversationState & { replies: ReplyView[] }) | DomainError> {
  return deps.db.transaction(async (tx) => {
    const conversation = await conversationStore.lockById(tx, input.workspaceId, input.conversationId);
    if (!conversation) return conversationErrors.notFound(input.conversationId);
    const next = conversation.status === 'pending' ? 'pending' : transition(conversation.status, { type: 'leaveMessage' });
    if (isDomainError(next)) return next;
    const now = deps.clock.now();
    const language = await noticeLanguage(tx, input.workspaceId, conversation);
    const left = { email: input.contact?.email, phone: input.contact?.phone, callbackAt: input.callbackAt };
    const base = { workspaceId: input.workspaceId, conversationId: conversation.id, createdAt: now };
    const rows: NewMessage[] = [
      { ...base, id: deps.ids.next(), author: 'customer', kind: 'text', private: false, text: input.text, meta: { leftMessage: left } },
      { ...base, id: deps.ids.next(), author: 'system', kind: 'note', private: true, text: notices.followUpNote(language, left), meta: { followUp: left } },
      { ...base, id: deps.ids.next(), author: 'system', kind: 'system', private: false, text: notices.messageLeft(language, input.callbackAt ?? null), meta: {} },
    ];
    if (next !== conversation.status) await conversationStore.update(tx, input.workspaceId, conversation.id, { status: next, assigneeId: null });
    const messages = await messageStore.append(tx, input.workspaceId, conversation.id, rows);
    if (left.email || left.phone) await contactStore.remember(tx, input.workspaceId, conversation.contactId, { ...(left.email ? { email: left.email } : {}), ...(left.phone ? { phone: left.phone } : {}) }, now);
    await emit(
      tx,
      deps,
      ...messages.map((m) => ({ name: 'message.created' as const, workspaceId: input.workspaceId, payload: { conversationId: conversation.id, message: messagePayload(m) } })),
      { name: 'conversation.message_left', workspaceId: input.workspaceId, payload: { conversationId: conversation.id, messageId: messages[0]!.id, email: left.email ?? null, phone: left.phone ?? null, callbackAt: left.callbackAt ?? null } },
      ...(next !== conversation.status
        ? [{ name: 'conversation.status_changed' as const, workspaceId: input.workspaceId, payload: { conversationId: conversation.id, from: conversation.status, to: next, assigneeId: null, queuePosition: null, estimatedWaitSeconds: null } }]
        : []),
    );
    return { id: conversation.id, status: next, queuePosition: null, estimatedWaitSeconds: null, replies: [presentReply(messages[2]!)] };
  });
}
