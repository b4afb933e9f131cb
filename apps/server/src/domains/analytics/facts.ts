import type { LingxiEvent } from '../../events/catalog.ts';

// Committed events → append-only facts. Pure: the subscriber stores what this returns.

export const factKinds = [
  'started', 'customer_message', 'bot_reply', 'emotion', 'answer_rated', 'handoff', 'queued', 'assigned',
  'agent_message', 'resolved', 'closed', 'pending', 'reopened', 'csat', 'nps',
] as const;
export type FactKind = (typeof factKinds)[number];

export type Fact = {
  workspaceId: string;
  conversationId: string;
  kind: FactKind;
  /** Unique within (conversation, kind): a message or event id; '' for a fact that happens once. */
  key: string;
  at: Date;
  channel: string | null;
  agentId: string | null;
  teamId: string | null;
  intent: string | null;
  entryId: string | null;
  value: number | null;
  label: string | null;
  detail: Record<string, unknown> | null;
};

/** The events the facts subscriber listens to. */
export const factEvents = ['conversation.started', 'message.created', 'bot.replied', 'conversation.handed_off', 'conversation.status_changed', 'answer.rated', 'conversation.rated', 'feedback.nps_recorded'] as const;

/** Level 4 and 5 of the five emotion levels count as negative (anxious, angry). */
export const NEGATIVE_EMOTION_LEVEL = 4;
const EXAMPLE_CHARS = 200;

/**
 * What a customer asked about, as one key: a knowledge entry id, or a flow name (`flow:order_status`).
 * Clarifying questions, handoff notices and fallbacks carry no intent.
 */
export function intentKey(intent: string | null | undefined): string | null {
  if (!intent || intent === 'clarify' || intent.startsWith('handoff:')) return null;
  if (intent.startsWith('flow:')) return intent.split(':').slice(0, 2).join(':');
  return intent;
}

const blank = { channel: null, agentId: null, teamId: null, intent: null, entryId: null, value: null, label: null, detail: null };

export function factsFromEvent(event: LingxiEvent): Fact[] {
  const base = { workspaceId: event.workspaceId, at: new Date(event.at), ...blank };
  switch (event.name) {
    case 'conversation.started':
      return [{ ...base, conversationId: event.payload.conversationId, kind: 'started', key: '', channel: event.payload.channel }];
    case 'message.created': {
      const m = event.payload.message;
      if (m.author === 'customer') {
        return [{ ...base, conversationId: event.payload.conversationId, kind: 'customer_message', key: m.id, detail: { text: m.text.slice(0, EXAMPLE_CHARS) } }];
      }
      if (m.author === 'agent' && !m.private) return [{ ...base, conversationId: event.payload.conversationId, kind: 'agent_message', key: m.id, agentId: m.authorId ?? null }];
      return [];
    }
    case 'bot.replied': {
      const p = event.payload;
      // A handoff notice is no answer (it does not count as a bot response), but its emotion reading counts.
      const facts: Fact[] = p.kind === 'handoff' ? [] : [
        {
          ...base, conversationId: p.conversationId, kind: 'bot_reply', key: p.messageId, intent: intentKey(p.intent), entryId: p.knowledgeEntryId,
          value: p.confidence, label: p.kind, detail: { rawIntent: p.intent, replyTo: p.replyTo, latencyMs: p.latencyMs, language: p.language },
        },
      ];
      // One emotion reading per customer message (the bot may send several replies to one message).
      if (p.emotionLevel !== null) facts.push({ ...base, conversationId: p.conversationId, kind: 'emotion', key: p.replyTo ?? p.messageId, value: p.emotionLevel });
      return facts;
    }
    case 'conversation.handed_off':
      return [{ ...base, conversationId: event.payload.conversationId, kind: 'handoff', key: event.id, label: event.payload.trigger, value: event.payload.queuePosition }];
    case 'conversation.status_changed': {
      const p = event.payload;
      const extra = p as unknown as { teamId?: unknown };
      const teamId = typeof extra.teamId === 'string' ? extra.teamId : null;
      const status = { ...base, conversationId: p.conversationId, key: event.id, label: p.from, agentId: p.assigneeId, teamId };
      if (p.to === 'assigned') return [{ ...status, kind: 'assigned' }];
      if (p.to === 'queued') return [{ ...status, kind: 'queued', value: p.queuePosition }];
      // An agent's disposition and tags ride on the resolved fact (detail), for reports to group by.
      if (p.to === 'resolved') return [{ ...status, kind: 'resolved', ...(p.disposition || p.tags?.length ? { detail: { disposition: p.disposition ?? null, tags: p.tags ?? [] } } : {}) }];
      if (p.to === 'closed') return [{ ...status, kind: 'closed' }];
      if (p.to === 'pending') return [{ ...status, kind: 'pending' }];
      if (p.to === 'bot' && (p.from === 'resolved' || p.from === 'closed')) return [{ ...status, kind: 'reopened' }];
      return [];
    }
    case 'answer.rated':
      return [{ ...base, conversationId: event.payload.conversationId, kind: 'answer_rated', key: event.payload.messageId, entryId: event.payload.knowledgeEntryId, value: event.payload.helpful ? 1 : 0 }];
    case 'conversation.rated':
      return [{ ...base, conversationId: event.payload.conversationId, kind: 'csat', key: '', value: event.payload.score, detail: event.payload.comment ? { comment: event.payload.comment } : null }];
    case 'feedback.nps_recorded':
      // Once per conversation (the feedback domain stores only the first answer), so the key is ''.
      return [{ ...base, conversationId: event.payload.conversationId, kind: 'nps', key: '', value: event.payload.score, detail: event.payload.comment ? { comment: event.payload.comment } : null }];
    default:
      return [];
  }
}
