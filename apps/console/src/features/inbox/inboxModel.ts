import type { ConversationStatus } from '@lingxi/contracts';

// Pure rules of the inbox: which query a tab means, and how live events merge into what is shown.

export type InboxTab = 'mine' | 'unassigned' | 'all';
export const INBOX_TABS: readonly InboxTab[] = ['mine', 'unassigned', 'all'];

export function parseTab(value: string | null): InboxTab {
  return value === 'unassigned' || value === 'all' ? value : 'mine';
}

export function listQuery(tab: InboxTab, status: ConversationStatus | undefined): { status?: ConversationStatus; assignee?: string } {
  if (tab === 'unassigned') return { status: 'queued', assignee: 'none' };
  if (tab === 'mine') return { assignee: 'me', ...(status ? { status } : {}) };
  return status ? { status } : {};
}

/** Adds messages that are not there yet (a socket event can arrive before or after the REST answer), in time order. */
export function mergeMessages<T extends { id: string; createdAt: string }>(current: readonly T[], incoming: readonly T[]): T[] {
  const seen = new Set(current.map((m) => m.id));
  const added = incoming.filter((m) => !seen.has(m.id) && (seen.add(m.id), true));
  if (added.length === 0) return current as T[];
  return [...current, ...added].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}

/** The conversation id a live event is about, whatever the exact payload shape ({message}, a message, {conversation}, …). */
export function conversationIdOf(payload: unknown): string | null {
  if (!payload || typeof payload !== 'object') return null;
  const p = payload as Record<string, unknown>;
  if (typeof p.conversationId === 'string') return p.conversationId;
  for (const key of ['message', 'conversation']) {
    const inner = p[key];
    if (inner && typeof inner === 'object') {
      const value = inner as Record<string, unknown>;
      if (key === 'message' && typeof value.conversationId === 'string') return value.conversationId;
      if (key === 'conversation' && typeof value.id === 'string') return value.id;
    }
  }
  // A conversation state ({id, status, queuePosition, …}) as conversation.updated carries it.
  if (typeof p.id === 'string' && typeof p.status === 'string') return p.id;
  return null;
}

/** The next or previous id in the list for j/k; stays put at the ends. */
export function stepSelection(ids: readonly string[], current: string | undefined, step: 1 | -1): string | undefined {
  if (ids.length === 0) return undefined;
  const index = current ? ids.indexOf(current) : -1;
  if (index === -1) return step === 1 ? ids[0] : ids[ids.length - 1];
  return ids[Math.min(ids.length - 1, Math.max(0, index + step))];
}
