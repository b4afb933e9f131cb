import type { AttachmentView, ConversationState, ConversationView, MessageView, ReplyView } from '@lingxi/contracts';
import type { MessagePayload } from '../../events/catalog.ts';
import type { AttachmentSummary } from './attachmentStore.ts';
import { estimatedWaitSeconds } from './model.ts';
import type { Conversation, ConversationRow, Message } from './store.ts';

type MessageMeta = { suggestions?: string[]; quickReplies?: string[]; attachments?: AttachmentSummary[] };

/** An attachment as it leaves the server: its url downloads it with the caller's token or console cookie. */
export function presentAttachment(a: AttachmentSummary): AttachmentView {
  return { id: a.id, name: a.name, contentType: a.contentType, size: a.size, url: `/api/public/v1/attachments/${a.id}` };
}

/** A message as customers (and the socket) see it. */
export function presentMessage(m: Message): MessageView {
  const meta = (m.meta ?? {}) as MessageMeta;
  return {
    id: m.id,
    conversationId: m.conversationId,
    author: m.author,
    kind: m.kind as MessageView['kind'],
    text: m.text,
    createdAt: m.createdAt.toISOString(),
    clientMessageId: m.clientMessageId,
    knowledgeEntryId: m.knowledgeEntryId,
    confidence: m.confidence,
    ...(meta.suggestions ? { suggestions: meta.suggestions } : {}),
    ...(meta.quickReplies ? { quickReplies: meta.quickReplies } : {}),
    ...(meta.attachments?.length ? { attachments: meta.attachments.map(presentAttachment) } : {}),
  };
}

/** The colleagues a private note @mentions (stored on the message's meta). */
function mentionsOf(m: Message): { mentions?: string[] } {
  const mentions = (m.meta as { mentions?: unknown } | null)?.mentions;
  return Array.isArray(mentions) && mentions.length > 0 ? { mentions: mentions as string[] } : {};
}

export function presentAgentMessage(m: Message) {
  return { ...presentMessage(m), private: m.private, authorId: m.authorId, ...mentionsOf(m) };
}

export function messagePayload(m: Message): MessagePayload {
  return { ...presentMessage(m), private: m.private, authorId: m.authorId, ...mentionsOf(m) };
}

export function presentReply(m: Message): ReplyView {
  const { id, text, kind, knowledgeEntryId, confidence, suggestions, quickReplies } = presentMessage(m);
  return { id, text, kind: kind as ReplyView['kind'], knowledgeEntryId, confidence, ...(suggestions ? { suggestions } : {}), ...(quickReplies ? { quickReplies } : {}) };
}

export function presentState(id: string, status: Conversation['status'], queueAhead: number | null, secondsPerConversation: number): ConversationState {
  const queued = status === 'queued' && queueAhead !== null;
  return { id, status, queuePosition: queued ? queueAhead + 1 : null, estimatedWaitSeconds: queued ? estimatedWaitSeconds(queueAhead, secondsPerConversation) : null };
}

/** A conversation as agents see it, the same from every route (list, detail, accept, resolve, tags, transfer…): the contact's name is required so none forgets it. */
export function presentConversation(c: ConversationRow, queuePosition: number | null = null): ConversationView {
  return {
    id: c.id,
    contactId: c.contactId,
    contactName: c.contactName,
    status: c.status,
    channel: c.channel,
    locale: c.locale,
    assigneeId: c.assigneeId,
    handoffTrigger: (c.handoffTrigger as ConversationView['handoffTrigger']) ?? null,
    queuePosition,
    queuedAt: c.queuedAt?.toISOString() ?? null,
    lastMessageAt: c.lastMessageAt?.toISOString() ?? null,
    createdAt: c.createdAt.toISOString(),
    disposition: c.disposition ?? null,
    tags: c.tags ?? [],
  };
}
