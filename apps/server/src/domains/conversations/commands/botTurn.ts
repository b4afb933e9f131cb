import { stampEvents, type NewEvent } from '../../../events/catalog.ts';
import { contactStore, presentContact } from '../../contacts/index.ts';
import { attachmentStore } from '../attachmentStore.ts';
import type { BotTurn, ConversationsDeps, HandoffContext } from '../deps.ts';
import { estimatedWaitSeconds, transition, type ConversationStatus } from '../model.ts';
import { messagePayload } from '../present.ts';
import { conversationStore, messageStore, type ConversationChange, type Message, type NewMessage } from '../store.ts';

export type TurnResult = { replies: Message[]; status: ConversationStatus; queueAhead: number | null };
type Conversation = { workspaceId: string; conversationId: string; status: ConversationStatus; contactId: string; botState: unknown; locale: string | null; humanOnly: boolean; vip: boolean };

/** What the handoff package needs besides the bot's memory; read only when the bot hands off. */
function handoffContextLoader(deps: ConversationsDeps, c: Conversation): () => Promise<HandoffContext> {
  return async () => {
    const [contact, pastConversations, answers, queueAhead, customerFiles] = await Promise.all([
      contactStore.byId(deps.db.sql, c.workspaceId, c.contactId),
      conversationStore.pastCount(deps.db.sql, c.workspaceId, c.contactId, c.conversationId),
      messageStore.botAnswers(deps.db.sql, c.workspaceId, c.conversationId),
      conversationStore.queueAhead(deps.db.sql, c.workspaceId, null),
      attachmentStore.sentByCustomer(deps.db.sql, c.workspaceId, c.conversationId),
    ]);
    return {
      contact: presentContact(contact!),
      pastConversations,
      botAnswers: answers.reverse().map((m) => ({ messageId: m.id, entryId: m.knowledgeEntryId, helpful: m.helpful })),
      customerFiles,
      queueAhead,
    };
  };
}

/**
 * Asks the bot (no transaction is open while it thinks), then stores its replies, its memory and any
 * handoff with their events in one transaction.
 */
export async function runBotTurn(deps: ConversationsDeps, c: Conversation, customerMessage: { id: string; text: string } | null, force: 'explicit' | null): Promise<TurnResult> {
  const turn: BotTurn = await deps.replier({
    workspaceId: c.workspaceId,
    conversationId: c.conversationId,
    messageId: customerMessage?.id ?? null,
    text: customerMessage?.text ?? null,
    force,
    botState: c.botState,
    contact: { humanOnly: c.humanOnly, vip: c.vip },
    locale: c.locale,
    handoffContext: handoffContextLoader(deps, c),
  });
  const now = deps.clock.now();
  const change: ConversationChange = { botState: turn.botState };
  let status = c.status;
  if (turn.handoff) {
    const next = transition(c.status, { type: 'handOff', trigger: turn.handoff.trigger });
    if (typeof next === 'string') {
      status = next;
      Object.assign(change, { status: next, handoffTrigger: turn.handoff.trigger, handoff: turn.handoff.package, queuedAt: now });
    }
  }
  const rows: NewMessage[] = turn.replies.map((r) => ({
    id: deps.ids.next(),
    workspaceId: c.workspaceId,
    conversationId: c.conversationId,
    author: r.author,
    kind: r.kind,
    text: r.text,
    replyTo: customerMessage?.id ?? null,
    knowledgeEntryId: r.knowledgeEntryId ?? null,
    confidence: r.confidence ?? null,
    meta: { ...(r.suggestions ? { suggestions: r.suggestions } : {}), ...(r.quickReplies ? { quickReplies: r.quickReplies } : {}), understanding: r.understanding },
    createdAt: now,
  }));
  const events: NewEvent[] = rows.map((m) => ({
    name: 'message.created' as const,
    workspaceId: c.workspaceId,
    payload: { conversationId: c.conversationId, message: messagePayload({ authorId: null, private: false, clientMessageId: null, helpful: null, seq: 0, ...m, createdAt: now } as Message) },
  }));
  rows.forEach((m, i) => {
    const u = turn.replies[i]!.understanding;
    // The handoff notice is the bot's turn too: it carries what the bot understood (e.g. the emotion that handed off).
    if (m.author !== 'bot' && m.kind !== 'handoff') return;
    events.push({
      name: 'bot.replied',
      workspaceId: c.workspaceId,
      payload: { conversationId: c.conversationId, messageId: m.id, replyTo: m.replyTo ?? null, kind: m.kind, knowledgeEntryId: m.knowledgeEntryId ?? null, confidence: m.confidence ?? null, intent: u.intent, emotionLevel: u.emotionLevel, language: u.language, latencyMs: u.latencyMs },
    });
  });
  if (status !== c.status && turn.handoff) {
    const queueAhead = turn.handoff.queueAhead;
    events.push(
      { name: 'conversation.handed_off', workspaceId: c.workspaceId, payload: { conversationId: c.conversationId, trigger: turn.handoff.trigger, queuePosition: queueAhead + 1 } },
      {
        name: 'conversation.status_changed',
        workspaceId: c.workspaceId,
        payload: { conversationId: c.conversationId, from: c.status, to: status, assigneeId: null, queuePosition: queueAhead + 1, estimatedWaitSeconds: estimatedWaitSeconds(queueAhead, deps.secondsPerQueuedConversation) },
      },
    );
  }
  // Replies, the bot's memory, any handoff and their events: one statement, atomic on its own.
  const replies = await deps.writes.turn.submit({ workspaceId: c.workspaceId, conversationId: c.conversationId, rows, change, events: stampEvents(deps, ...events) });
  deps.afterCommit();
  return { replies, status, queueAhead: status === 'queued' ? (turn.handoff?.queueAhead ?? null) : null };
}
