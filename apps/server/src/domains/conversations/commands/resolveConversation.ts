import type { DomainError } from '../../../platform/errors.ts';
import { isDomainError } from '../../../platform/errors.ts';
import { emit } from '../../../events/catalog.ts';
import type { ConversationsDeps } from '../deps.ts';
import { readDispositions, normalizeTags } from '../dispositions.ts';
import { conversationErrors } from '../errors.ts';
import { inboxErrors } from '../inboxErrors.ts';
import { transition } from '../model.ts';
import { messagePayload } from '../present.ts';
import { conversationStore, messageStore, type Conversation } from '../store.ts';
import { mentionsForNote, recordMentions } from './recordMentions.ts';

export type ResolveInput = {
  workspaceId: string;
  userId: string;
  conversationId: string;
  /** A key of the workspace's dispositions; absent keeps none. */
  disposition?: string;
  /** Replaces the conversation's tags; absent keeps them. */
  tags?: string[];
  /** Left as a private note (its @mentions notify like any note). */
  note?: string;
};

/** The agent closes their conversation, saying how it ended (disposition), what it was about (tags), and why (note). */
export async function resolveConversation(deps: ConversationsDeps, input: ResolveInput): Promise<Conversation | DomainError> {
  return deps.db.transaction(async (tx) => {
    const conversation = await conversationStore.lockById(tx, input.workspaceId, input.conversationId);
    if (!conversation) return conversationErrors.notFound(input.conversationId);
    if (conversation.assigneeId && conversation.assigneeId !== input.userId) return conversationErrors.notAssignedToYou();
    const next = transition(conversation.status, { type: 'resolve', by: 'agent' });
    if (isDomainError(next)) return next;
    if (input.disposition !== undefined) {
      const allowed = (await readDispositions(tx, input.workspaceId)).map((d) => d.key);
      if (!allowed.includes(input.disposition)) return inboxErrors.unknownDisposition(input.disposition, allowed);
    }
    const tags = input.tags ? normalizeTags(input.tags) : conversation.tags;
    const now = deps.clock.now();
    let noteId: string | null = null;
    const note = input.note?.trim();
    if (note) {
      const mentioned = await mentionsForNote(tx, input.workspaceId, note);
      const [written] = await messageStore.append(tx, input.workspaceId, conversation.id, [
        { id: deps.ids.next(), workspaceId: input.workspaceId, conversationId: conversation.id, author: 'agent', authorId: input.userId, kind: 'note', text: note, private: true, meta: { resolution: true, ...(mentioned.length ? { mentions: mentioned } : {}) }, createdAt: now },
      ]);
      noteId = written!.id;
      await emit(tx, deps, { name: 'message.created', workspaceId: input.workspaceId, payload: { conversationId: conversation.id, message: messagePayload(written!) } });
      await recordMentions(tx, deps, written!, mentioned);
    }
    const disposition = input.disposition ?? null;
    const updated = await conversationStore.update(tx, input.workspaceId, conversation.id, { status: next, resolvedAt: now, disposition, tags });
    await emit(
      tx,
      deps,
      { name: 'conversation.status_changed', workspaceId: input.workspaceId, payload: { conversationId: conversation.id, from: conversation.status, to: next, assigneeId: conversation.assigneeId, queuePosition: null, estimatedWaitSeconds: null, disposition, tags } },
      { name: 'conversation.resolved', workspaceId: input.workspaceId, payload: { conversationId: conversation.id, by: input.userId, disposition, tags, noteId } },
    );
    return updated!;
  });
}
