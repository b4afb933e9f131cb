import type { SendMessageResponse } from '@lingxi/contracts';
import type { DomainError } from '../../../platform/errors.ts';
import { isDomainError } from '../../../platform/errors.ts';
import { emit, stampEvents } from '../../../events/catalog.ts';
import type { ConversationsDeps } from '../deps.ts';
import { conversationErrors } from '../errors.ts';
import { transition } from '../model.ts';
import { presentAttachment, presentMessage, presentReply, presentState } from '../present.ts';
import type { LingxiEvent } from '../../../events/catalog.ts';
import type { AttachmentSummary } from '../attachmentStore.ts';
import { claimAttachments, linkAttachments } from '../messageAttachments.ts';
import { conversationStore, messageStore, type IncomingMessage, type ReceivedMessage } from '../store.ts';
import { attachmentOnlyReplier } from './attachmentOnlyReply.ts';
import { runBotTurn } from './botTurn.ts';

export type CustomerMessageInput = { workspaceId: string; conversationId: string; text: string; clientMessageId: string; attachments?: string[] | undefined; /** needed to send attachments */ contactId?: string };

/**
 * A customer's message: stored once per clientMessageId (a retry gets the first result), then the bot
 * answers it outside that transaction and its replies come back in the same response.
 */
export async function receiveCustomerMessage(deps: ConversationsDeps, input: CustomerMessageInput): Promise<SendMessageResponse | DomainError> {
  const key = `${input.conversationId}:${input.clientMessageId}`;
  const running = deps.inflight.get(key);
  if (running) return running;
  const work = receive(deps, input);
  const settled = work.then((r) => {
    if (isDomainError(r)) throw r;
    return r;
  });
  deps.inflight.set(key, settled);
  settled.catch(() => undefined).finally(() => deps.inflight.delete(key));
  return work;
}

async function receive(deps: ConversationsDeps, input: CustomerMessageInput): Promise<SendMessageResponse | DomainError> {
  const now = deps.clock.now();
  const id = deps.ids.next();
  const base = { id, conversationId: input.conversationId, author: 'customer' as const, kind: 'text' as const, text: input.text, createdAt: now.toISOString(), clientMessageId: input.clientMessageId, knowledgeEntryId: null, confidence: null, private: false };
  const stamp = (attachments: AttachmentSummary[]) => {
    const message = attachments.length ? { ...base, attachments: attachments.map(presentAttachment) } : base;
    const row = { workspaceId: input.workspaceId, conversationId: input.conversationId, text: input.text, clientMessageId: input.clientMessageId, id, at: now, ...(attachments.length ? { meta: { attachments } } : {}) };
    const [event] = stampEvents(deps, { name: 'message.created', workspaceId: input.workspaceId, payload: { conversationId: input.conversationId, message } });
    return { message, item: { row, event: event! } };
  };
  let message: ReturnType<typeof stamp>['message'];
  let received: Awaited<ReturnType<typeof deps.writes.receive.submit>>;
  if (input.attachments?.length) {
    const outcome = await receiveWithAttachments(deps, input, stamp);
    if (outcome === 'retry') return firstResult(deps, input);
    if (isDomainError(outcome)) return outcome;
    ({ message, received } = outcome);
  } else {
    const stamped = stamp([]);
    message = stamped.message;
    // One atomic statement, shared with the customers writing at the same moment (group commit).
    received = await deps.writes.receive.submit(stamped.item);
  }
  if (!received) return conversationErrors.closed();
  if (!received.inserted) return firstResult(deps, input);
  // The bot's turn follows within a millisecond and kicks the outbox for both; otherwise kick now.
  if (received.status !== 'bot') deps.afterCommit();
  let status = received.status;
  if (status === 'resolved') {
    // The customer came back to a resolved conversation: it goes back to the bot.
    const reopened = transition(status, { type: 'customerReturned' });
    if (isDomainError(reopened)) return reopened;
    await deps.db.transaction(async (tx) => {
      await conversationStore.update(tx, input.workspaceId, input.conversationId, { status: reopened, resolvedAt: null });
      await emit(tx, deps, { name: 'conversation.status_changed', workspaceId: input.workspaceId, payload: { conversationId: input.conversationId, from: status, to: reopened, assigneeId: null, queuePosition: null, estimatedWaitSeconds: null } });
    });
    status = reopened;
  }
  const view = { ...message, knowledgeEntryId: null, confidence: null };
  const { private: _hidden, ...customerView } = view;
  if (status !== 'bot') {
    // A person has (or will have) the conversation: the bot stays quiet.
    const ahead = status === 'queued' ? await conversationStore.queueAhead(deps.db.sql, input.workspaceId, await queuedRef(deps, input)) : null;
    return { message: customerView, replies: [], conversation: presentState(input.conversationId, status, ahead, deps.secondsPerQueuedConversation) };
  }
  // A file without words: the bot cannot read it, so it says so and offers a person instead of guessing.
  const turn = await runBotTurn(
    input.text ? deps : { ...deps, replier: attachmentOnlyReplier },
    { workspaceId: input.workspaceId, conversationId: input.conversationId, status, contactId: received.contactId, botState: received.botState, locale: received.locale, humanOnly: received.humanOnly, vip: received.vip },
    { id, text: input.text },
    null,
  );
  return { message: customerView, replies: turn.replies.map(presentReply), conversation: presentState(input.conversationId, turn.status, turn.queueAhead, deps.secondsPerQueuedConversation) };
}

/**
 * A message with attachments, in one transaction: a retried clientMessageId is answered from the first
 * send; otherwise the attachments are checked and locked, the message stored and the attachments
 * linked to it, so they are on disk and on the message before the customer is told it was received.
 */
async function receiveWithAttachments<M>(
  deps: ConversationsDeps,
  input: CustomerMessageInput,
  stamp: (attachments: AttachmentSummary[]) => { message: M; item: { row: IncomingMessage; event: LingxiEvent } },
): Promise<{ message: M; received: ReceivedMessage | null } | 'retry' | DomainError> {
  if (!input.contactId) return conversationErrors.sessionUnknown();
  const sender = { kind: 'customer' as const, id: input.contactId };
  return deps.db.transaction(async (tx) => {
    const stored = () => messageStore.byClientId(tx, input.workspaceId, input.conversationId, input.clientMessageId);
    if (await stored()) return 'retry' as const;
    const attachments = await claimAttachments(tx, { workspaceId: input.workspaceId, conversationId: input.conversationId, ids: input.attachments ?? [], sender });
    // A retry racing the first send (on another node) waited for its locks: it is answered like any retry.
    if (isDomainError(attachments)) return (await stored()) ? ('retry' as const) : attachments;
    const { message, item } = stamp(attachments);
    const [received] = await messageStore.receiveMany(tx, [item]);
    if (received?.inserted) await linkAttachments(tx, input.workspaceId, attachments, item.row.id);
    return { message, received: received ?? null };
  });
}

async function queuedRef(deps: ConversationsDeps, input: CustomerMessageInput) {
  const c = await conversationStore.byId(deps.db.sql, input.workspaceId, input.conversationId);
  return c ? { id: c.id, queuedAt: c.queuedAt } : null;
}

/** A retried clientMessageId: what the first send stored, nothing new. */
async function firstResult(deps: ConversationsDeps, input: CustomerMessageInput): Promise<SendMessageResponse | DomainError> {
  const [first, conversation] = await Promise.all([
    messageStore.byClientId(deps.db.sql, input.workspaceId, input.conversationId, input.clientMessageId),
    conversationStore.byId(deps.db.sql, input.workspaceId, input.conversationId),
  ]);
  if (!first || !conversation) return conversationErrors.notFound(input.conversationId);
  const ahead = conversation.status === 'queued' ? await conversationStore.queueAhead(deps.db.sql, input.workspaceId, conversation) : null;
  return { message: presentMessage(first.message), replies: first.replies.map(presentReply), conversation: presentState(conversation.id, conversation.status, ahead, deps.secondsPerQueuedConversation) };
}
