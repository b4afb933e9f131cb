import { and, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/index.ts';
import { contactsTable as contacts } from '../../contacts/index.ts';
import { conversations, messages } from '../schema.ts';
import type { Conversation, ConversationRow } from '../store.ts';

export type InboxView = 'mine' | 'unassigned' | 'team' | 'all';
/** Who is on the caller's teams and which queued conversations were sent to those teams (wired from routing). */
export type TeamScope = { memberIds: string[]; conversationIds: string[] };

export type InboxFilter = {
  workspaceId: string;
  userId: string;
  view?: InboxView;
  status?: Conversation['status'];
  /** null: nobody; a user id. */
  assigneeId?: string | null;
  channel?: string;
  tag?: string;
  /** `4` → level 4 and above; `2,3` → exactly those levels. */
  emotion?: string;
  q?: string;
  limit: number;
};

/** `4` is a minimum, `2,3` a set: the levels a filter admits. */
export function emotionLevels(spec: string): { min: number } | { levels: number[] } {
  const levels = spec.split(',').map(Number);
  return levels.length === 1 ? { min: levels[0]! } : { levels: [...new Set(levels)] };
}

/** The digits of a query that looks like (part of) a phone number, at least 4 of them; else null. */
export function phoneDigits(q: string): string | null {
  if (!/^[+\d\s().-]+$/.test(q.trim())) return null;
  const digits = q.replace(/\D/g, '');
  return digits.length >= 4 ? digits : null;
}

/** A LIKE pattern that finds the text anywhere, with the user's % and _ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// The highest emotion level the bot read in the conversation (1 when it read none): bot memory keeps the last 20 turns.
const peakEmotion = sql<number>`coalesce((select max(round((t->>'emotion')::numeric)) from jsonb_array_elements(case when jsonb_typeof(${conversations.botState}->'turns') = 'array' then ${conversations.botState}->'turns' else '[]'::jsonb end) t), 1)`;

/**
 * The inbox: one statement, newest activity first (an index on that order, so a plain list reads `limit`
 * rows). The search is a case-insensitive substring match (ILIKE, same on PGlite and PostgreSQL) over the
 * contact's name, email and phone and the messages' text: it reads every message of the workspace once,
 * ≈ 0.3 s (PostgreSQL) to 0.6 s (PGlite) per 200,000 messages (bench/inbox); a workspace far beyond that
 * wants a trigram or full-text index (docs/architecture.md).
 */
export async function listInbox(db: Executor, filter: InboxFilter, team: () => Promise<TeamScope>): Promise<ConversationRow[]> {
  const where: SQL[] = [eq(conversations.workspaceId, filter.workspaceId)];
  const view = filter.view ?? 'all';
  if (view === 'mine') where.push(eq(conversations.assigneeId, filter.userId));
  if (view === 'unassigned') where.push(isNull(conversations.assigneeId), inArray(conversations.status, ['queued', 'pending']));
  if (view === 'team') {
    const scope = await team();
    const members = [...new Set([filter.userId, ...scope.memberIds])];
    const sentToTeam = scope.conversationIds.length > 0 ? inArray(conversations.id, scope.conversationIds) : undefined;
    where.push(or(inArray(conversations.assigneeId, members), sentToTeam)!);
  }
  if (filter.status) where.push(eq(conversations.status, filter.status));
  if (filter.assigneeId === null) where.push(isNull(conversations.assigneeId));
  else if (filter.assigneeId) where.push(eq(conversations.assigneeId, filter.assigneeId));
  if (filter.channel) where.push(eq(conversations.channel, filter.channel));
  // Exact spelling, as containment so the GIN index on tags answers it (the tag input suggests the spellings in use).
  if (filter.tag) where.push(sql`${conversations.tags} @> ${JSON.stringify([filter.tag.trim()])}::jsonb`);
  if (filter.emotion) {
    const levels = emotionLevels(filter.emotion);
    where.push('min' in levels ? sql`${peakEmotion} >= ${levels.min}` : sql`${peakEmotion} in (${sql.join(levels.levels.map((l) => sql`${l}`), sql`, `)})`);
  }
  if (filter.q) {
    const pattern = containsPattern(filter.q.trim());
    // A phone number is found however it was typed (138 0000 1111, 138-0000-1111, 13800001111).
    const digits = phoneDigits(filter.q);
    const phone = digits ? sql`regexp_replace(coalesce(${contacts.phone}, ''), '[^0-9]', '', 'g') like ${`%${digits}%`}` : sql`${contacts.phone} ilike ${pattern}`;
    where.push(sql`(${contacts.name} ilike ${pattern} or ${contacts.email} ilike ${pattern} or ${phone}
      or exists (select 1 from ${messages} m where m.workspace_id = ${conversations.workspaceId} and m.conversation_id = ${conversations.id} and m.text ilike ${pattern}))`);
  }
  const rows = await db
    .select({ conversation: conversations, contactName: contacts.name })
    .from(conversations)
    .innerJoin(contacts, and(eq(contacts.id, conversations.contactId), eq(contacts.workspaceId, conversations.workspaceId)))
    .where(and(...where))
    .orderBy(desc(sql`coalesce(${conversations.lastMessageAt}, ${conversations.createdAt})`))
    .limit(filter.limit);
  return rows.map((r) => ({ ...r.conversation, contactName: r.contactName }));
}

/** The tags in use, most used first: what the tag input suggests. */
export async function tagsInUse(db: Executor, workspaceId: string, limit = 200): Promise<{ tag: string; conversations: number }[]> {
  const rows = await db.execute<{ tag: string; n: number }>(sql`
    select tag, count(*)::int as n from conversations, jsonb_array_elements_text(conversations.tags) tag
    where workspace_id = ${workspaceId} and tags <> '[]'::jsonb group by tag order by n desc, tag limit ${limit}`);
  return rows.rows.map((r) => ({ tag: r.tag, conversations: r.n }));
}
