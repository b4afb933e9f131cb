// The transcript the customer sees: server messages merged by id, plus their own unsent ones.
import type { ChatAttachment, UploadProblem } from './attachments.ts';
import type { WireMessage, WireReply } from './wire.ts';

export type Delivery = 'uploading' | 'sending' | 'waiting' | 'failed';

export type ChatMessage = {
  /** The server's id, or `local:<clientMessageId>` until the server acknowledges it. */
  id: string;
  author: 'customer' | 'bot' | 'agent' | 'system';
  kind: string;
  text: string;
  createdAt: string;
  clientMessageId?: string | null;
  knowledgeEntryId?: string | null;
  suggestions?: string[];
  quickReplies?: string[];
  /** Only on the customer's own messages the server has not acknowledged yet. */
  delivery?: Delivery;
  attachments?: ChatAttachment[];
  /** Why an attachment did not upload (shown instead of "not sent"). */
  uploadProblem?: UploadProblem;
};

export const LOCAL_PREFIX = 'local:';

export function isLocal(message: ChatMessage): boolean {
  return message.id.startsWith(LOCAL_PREFIX);
}

export function fromWire(message: WireMessage): ChatMessage {
  return {
    id: message.id,
    author: message.author,
    kind: message.kind,
    text: message.text,
    createdAt: message.createdAt,
    clientMessageId: message.clientMessageId ?? null,
    knowledgeEntryId: message.knowledgeEntryId ?? null,
    suggestions: message.suggestions ?? [],
    quickReplies: message.quickReplies ?? [],
    ...(message.attachments?.length ? { attachments: message.attachments } : {}),
  };
}

/** A bot reply from a POST answer: it follows the message it answers until the socket brings the stored row. */
export function fromReply(reply: WireReply, after: string): ChatMessage {
  return {
    id: reply.id,
    // The server stores handoff notices as system lines: show them so at once, not only once the socket copy arrives.
    author: reply.kind === 'agent' ? 'agent' : reply.kind === 'system' || reply.kind === 'handoff' ? 'system' : 'bot',
    kind: reply.kind,
    text: reply.text,
    createdAt: reply.createdAt ?? after,
    knowledgeEntryId: reply.knowledgeEntryId ?? null,
    suggestions: reply.suggestions ?? [],
    quickReplies: reply.quickReplies ?? [],
  };
}

export function localMessage(input: { clientMessageId: string; text: string; createdAt: string; delivery: Delivery; attachments?: ChatAttachment[] }): ChatMessage {
  return { id: `${LOCAL_PREFIX}${input.clientMessageId}`, author: 'customer', kind: 'text', ...input };
}

/**
 * Merges incoming messages into the transcript: the same id never appears twice (the later copy wins,
 * keeping richer fields), a server message replaces the local one with its clientMessageId, and the
 * order is server time with unacknowledged local messages last. Returns the same array when nothing changed.
 */
export function mergeMessages(current: readonly ChatMessage[], incoming: readonly ChatMessage[]): ChatMessage[] {
  if (incoming.length === 0) return current as ChatMessage[];
  const byId = new Map<string, ChatMessage>();
  const order: string[] = [];
  const put = (message: ChatMessage) => {
    const existing = byId.get(message.id);
    if (!existing) order.push(message.id);
    byId.set(message.id, existing ? { ...existing, ...withoutEmpty(message) } : message);
  };
  for (const message of current) put(message);
  for (const message of incoming) {
    if (!isLocal(message) && message.clientMessageId) {
      const localId = `${LOCAL_PREFIX}${message.clientMessageId}`;
      if (byId.delete(localId)) order.splice(order.indexOf(localId), 1);
    }
    // An acknowledgement that arrives late must not bring back a local copy of a stored message.
    if (isLocal(message) && message.clientMessageId && [...byId.values()].some((m) => !isLocal(m) && m.clientMessageId === message.clientMessageId)) continue;
    put(message);
  }
  const rank = new Map(order.map((id, index) => [id, index]));
  return order
    .map((id) => byId.get(id)!)
    .sort((a, b) => Number(isLocal(a)) - Number(isLocal(b)) || (isLocal(a) ? 0 : compareTime(a.createdAt, b.createdAt)) || rank.get(a.id)! - rank.get(b.id)!);
}

function compareTime(a: string, b: string): number {
  const ta = Date.parse(a);
  const tb = Date.parse(b);
  return Number.isNaN(ta) || Number.isNaN(tb) ? 0 : ta - tb;
}

function withoutEmpty(message: ChatMessage): Partial<ChatMessage> {
  const out: Partial<ChatMessage> = { ...message };
  if (!message.suggestions?.length) delete out.suggestions;
  if (!message.quickReplies?.length) delete out.quickReplies;
  if (message.knowledgeEntryId == null) delete out.knowledgeEntryId;
  return out;
}

/** The newest message the server has stored: the cursor for `resume` and `GET messages?after=`. */
export function lastSeenId(messages: readonly ChatMessage[]): string | null {
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i]!;
    if (!isLocal(message)) return message.id;
  }
  return null;
}
