import { ConversationStatus } from '@lingxi/contracts';

// Pure rules of the inbox: which query a tab and its filters mean (kept in the URL), and how live events merge into what is shown.

export type InboxTab = 'mine' | 'unassigned' | 'team' | 'all';
export const INBOX_TABS: readonly InboxTab[] = ['mine', 'unassigned', 'team', 'all'];
export const CHANNELS = ['web', 'app', 'api'] as const;
/** Emotion filter choices: a single level is a minimum, a list is a set (as the API reads them). */
export const EMOTION_CHOICES = ['4', '5', '3', '1,2'] as const;

export function parseTab(value: string | null): InboxTab {
  return value === 'unassigned' || value === 'team' || value === 'all' ? value : 'mine';
}

export type InboxFilters = { tab: InboxTab; status?: ConversationStatus; channel?: string; tag?: string; emotion?: string; q?: string };
const FILTER_KEYS = ['status', 'channel', 'tag', 'emotion', 'q'] as const;

/** The filters in a URL's query; unknown values are dropped rather than sent to fail. */
export function parseFilters(search: URLSearchParams): InboxFilters {
  const status = ConversationStatus.safeParse(search.get('status'));
  const channel = search.get('channel');
  const emotion = search.get('emotion');
  const tag = search.get('tag')?.trim();
  const q = search.get('q')?.trim();
  return {
    tab: parseTab(search.get('tab')),
    ...(status.success ? { status: status.data } : {}),
    ...(channel && (CHANNELS as readonly string[]).includes(channel) ? { channel } : {}),
    ...(tag && !tag.includes(',') ? { tag: tag.slice(0, 32) } : {}),
    ...(emotion && /^[1-5](,[1-5])*$/.test(emotion) ? { emotion } : {}),
    ...(q ? { q: q.slice(0, 100) } : {}),
  };
}

/** The URL query of a set of filters (tab first, empty ones left out), so a link or a reload shows the same list. */
export function filtersToSearch(filters: InboxFilters): string {
  const query = new URLSearchParams({ tab: filters.tab });
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (value) query.set(key, value);
  }
  return query.toString();
}

export function hasNarrowing(filters: InboxFilters): boolean {
  return FILTER_KEYS.some((key) => Boolean(filters[key]));
}

/** What the list asks the API for. */
export function listQuery(filters: InboxFilters): { view: InboxTab; status?: ConversationStatus; channel?: string; tag?: string; emotion?: string; q?: string } {
  const { tab, ...rest } = filters;
  return { view: tab, ...rest };
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

/**
 * What a row shows of how a conversation ended and what it is about: the disposition's label once it is
 * resolved or closed (a conversation the customer reopened keeps its old disposition, which no longer
 * says how it ends), and the first tags with how many more there are.
 */
export function rowOutcome(
  c: { status: ConversationStatus; disposition: string | null; tags: readonly string[] },
  labelOf: (key: string) => string,
  maxTags = 2,
): { disposition: string | null; tags: string[]; moreTags: string[] } {
  const ended = c.status === 'resolved' || c.status === 'closed';
  return { disposition: ended && c.disposition ? labelOf(c.disposition) : null, tags: c.tags.slice(0, maxTags), moreTags: c.tags.slice(maxTags) };
}
