import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/index.ts';
import type { LingxiEvent } from '../../events/catalog.ts';
import { contactsTable as contacts } from '../contacts/index.ts';
import { conversations, messages } from './schema.ts';

export type Conversation = typeof conversations.$inferSelect;
export type Message = typeof messages.$inferSelect;
/** A conversation with its contact's name: what every agent route presents (present.ts presentConversation). */
export type ConversationRow = Conversation & { contactName: string | null };
export type NewMessage = Omit<typeof messages.$inferInsert, 'seq'>;

/** What receiving a customer message tells the bot, read in the same statement that stores it. */
export type ReceivedMessage = {
  inserted: boolean;
  status: Conversation['status'];
  botState: unknown;
  locale: string | null;
  contactId: string;
  humanOnly: boolean;
  vip: boolean;
};

export type IncomingMessage = { id: string; workspaceId: string; conversationId: string; text: string; clientMessageId: string; at: Date; /** e.g. the attachments it carries */ meta?: Record<string, unknown> };
export type BotTurnWrite = { workspaceId: string; conversationId: string; rows: NewMessage[]; change: ConversationChange; events: LingxiEvent[] };

/** What a bot turn changes on its conversation besides the sequence. */
export type ConversationChange = { botState?: unknown; status?: Conversation['status']; handoffTrigger?: string; handoff?: unknown; queuedAt?: Date };

const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

export const conversationStore = {
  async insert(db: Executor, row: typeof conversations.$inferInsert): Promise<Conversation> {
    return (await db.insert(conversations).values(row).returning())[0]!;
  },
  async byId(db: Executor, workspaceId: string, id: string): Promise<Conversation | undefined> {
    return (await db.select().from(conversations).where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.id, id))).limit(1))[0];
  },
  /** Reads and locks the row until the transaction ends: two agents accepting at once are served one by one. */
  async lockById(db: Executor, workspaceId: string, id: string): Promise<Conversation | undefined> {
    return (await db.select().from(conversations).where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.id, id))).limit(1).for('update'))[0];
  },
  async update(db: Executor, workspaceId: string, id: string, patch: Partial<typeof conversations.$inferInsert>): Promise<Conversation | undefined> {
    return (await db.update(conversations).set(patch).where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.id, id))).returning())[0];
  },
  /** The conversation a command returned, with its contact's name read beside it. */
  async withContactName(db: Executor, workspaceId: string, conversation: Conversation): Promise<ConversationRow> {
    const [contact] = await db.select({ name: contacts.name }).from(contacts).where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, conversation.contactId))).limit(1);
    return { ...conversation, contactName: contact?.name ?? null };
  },
  async list(db: Executor, workspaceId: string, filter: { status?: Conversation['status']; assigneeId?: string | null }, limit: number): Promise<ConversationRow[]> {
    const conditions = [eq(conversations.workspaceId, workspaceId)];
    if (filter.status) conditions.push(eq(conversations.status, filter.status));
    if (filter.assigneeId === null) conditions.push(isNull(conversations.assigneeId));
    else if (filter.assigneeId) conditions.push(eq(conversations.assigneeId, filter.assigneeId));
    const rows = await db
      .select({ conversation: conversations, contactName: contacts.name })
      .from(conversations)
      .innerJoin(contacts, and(eq(contacts.id, conversations.contactId), eq(contacts.workspaceId, conversations.workspaceId)))
      .where(and(...conditions))
      .orderBy(desc(sql`coalesce(${conversations.lastMessageAt}, ${conversations.createdAt})`))
      .limit(limit);
    return rows.map((r) => ({ ...r.conversation, contactName: r.contactName }));
  },
  /** How many queued conversations of the workspace are ahead of this one (all of them, for one not yet queued). */
  async queueAhead(db: Executor, workspaceId: string, conversation: { id: string; queuedAt: Date | null } | null): Promise<number> {
    const ahead = conversation?.queuedAt
      ? sql`and (queued_at < ${ts(conversation.queuedAt)} or (queued_at = ${ts(conversation.queuedAt)} and id < ${conversation.id}))`
      : sql``;
    const result = await db.execute<{ n: number }>(sql`select count(*)::int as n from conversations where workspace_id = ${workspaceId} and status = 'queued' ${ahead}`);
    return result.rows[0]?.n ?? 0;
  },
  async pastCount(db: Executor, workspaceId: string, contactId: string, exceptId: string): Promise<number> {
    const result = await db.execute<{ n: number }>(sql`select count(*)::int as n from conversations where workspace_id = ${workspaceId} and contact_id = ${contactId} and id <> ${exceptId}`);
    return result.rows[0]?.n ?? 0;
  },
};

export const messageStore = {
  /**
   * The hot path, in one statement for a whole batch of customer messages (group commit): bump each
   * conversation's sequence, store the messages (a repeated clientMessageId stores nothing: the unique
   * index decides, even under a race), write each event only if its message was stored, and read back
   * what the bot needs. Null for a message whose conversation is closed or missing.
   */
  async receiveMany(db: Executor, items: { row: IncomingMessage; event: LingxiEvent }[]): Promise<(ReceivedMessage | null)[]> {
    if (items.length === 0) return [];
    const input = items.map(({ row, event }, ord) => ({
      ord, id: row.id, workspace_id: row.workspaceId, conversation_id: row.conversationId, text: row.text, client_message_id: row.clientMessageId,
      at: row.at.toISOString(), event_id: event.id, event_name: event.name, payload: event.payload, meta: row.meta ?? {},
    }));
    const result = await db.execute<{ id: string; status: Conversation['status']; bot_state: unknown; locale: string | null; contact_id: string; human_only: boolean; vip: boolean; inserted: boolean }>(sql`
      with input as (
        select * from jsonb_to_recordset(${JSON.stringify(input)}::jsonb)
          as r(ord int, id uuid, workspace_id uuid, conversation_id uuid, text text, client_message_id text, at timestamptz, event_id uuid, event_name text, payload jsonb, meta jsonb)
      ), counts as (
        select conversation_id, workspace_id, count(*)::int as n, max(at) as at from input group by conversation_id, workspace_id
      ), conv as (
        update conversations c set last_seq = c.last_seq + counts.n, last_message_at = counts.at
        from counts where c.id = counts.conversation_id and c.workspace_id = counts.workspace_id and c.status <> 'closed'
        returning c.id, c.status, c.last_seq, c.bot_state, c.locale, c.contact_id, counts.n
      ), numbered as (
        select i.*, conv.last_seq - conv.n + row_number() over (partition by i.conversation_id order by i.ord) as seq
        from input i join conv on conv.id = i.conversation_id
      ), ins as (
        insert into messages (id, workspace_id, conversation_id, seq, author, kind, text, client_message_id, meta, created_at)
        select id, workspace_id, conversation_id, seq, 'customer', 'text', text, client_message_id, coalesce(meta, '{}'::jsonb), at from numbered
        on conflict (workspace_id, conversation_id, client_message_id) do nothing
        returning id
      ), ev as (
        insert into outbox (id, workspace_id, name, payload, created_at)
        select n.event_id, n.workspace_id, n.event_name, n.payload, n.at from numbered n join ins on ins.id = n.id
      )
      select i.id, conv.status, conv.bot_state, conv.locale, conv.contact_id, ct.human_only, ct.vip, exists (select 1 from ins where ins.id = i.id) as inserted
      from input i join conv on conv.id = i.conversation_id join contacts ct on ct.id = conv.contact_id`);
    const byId = new Map(result.rows.map((r) => [r.id, r]));
    return items.map(({ row }) => {
      const r = byId.get(row.id);
      return r ? { inserted: r.inserted, status: r.status, botState: r.bot_state, locale: r.locale, contactId: r.contact_id, humanOnly: r.human_only, vip: r.vip } : null;
    });
  },
  /** Appends messages in order under the conversation's row lock (and applies the turn's changes); returns them with their sequence numbers. */
  async append(db: Executor, workspaceId: string, conversationId: string, rows: NewMessage[], change: ConversationChange = {}): Promise<Message[]> {
    if (rows.length === 0) return [];
    const sets = [sql`last_seq = last_seq + ${rows.length}`, sql`last_message_at = ${ts(rows[rows.length - 1]!.createdAt as Date)}`];
    if (change.botState !== undefined) sets.push(sql`bot_state = ${JSON.stringify(change.botState)}::jsonb`);
    if (change.status) sets.push(sql`status = ${change.status}`);
    if (change.handoffTrigger) sets.push(sql`handoff_trigger = ${change.handoffTrigger}`);
    if (change.handoff) sets.push(sql`handoff = ${JSON.stringify(change.handoff)}::jsonb`);
    if (change.queuedAt) sets.push(sql`queued_at = ${ts(change.queuedAt)}`);
    const bumped = await db.execute<{ last_seq: number }>(sql`
      update conversations set ${sql.join(sets, sql`, `)}
      where workspace_id = ${workspaceId} and id = ${conversationId} returning last_seq`);
    const last = bumped.rows[0]?.last_seq;
    if (last === undefined) return [];
    const first = last - rows.length + 1;
    return db.insert(messages).values(rows.map((r, i) => ({ ...r, seq: first + i }))).returning();
  },
  /**
   * Bot turns of several conversations in one statement (group commit; at most one turn per conversation):
   * the replies in order under each conversation's row lock, the conversation's changes, and the events.
   */
  async appendTurns(db: Executor, turns: BotTurnWrite[]): Promise<Message[][]> {
    const live = turns.filter((t) => t.rows.length > 0);
    if (live.length === 0) return turns.map(() => []);
    const changes = live.map((t) => ({
      conversation_id: t.conversationId, workspace_id: t.workspaceId, n: t.rows.length, at: (t.rows[t.rows.length - 1]!.createdAt as Date).toISOString(),
      bot_state: t.change.botState ?? null, status: t.change.status ?? null, handoff_trigger: t.change.handoffTrigger ?? null,
      handoff: t.change.handoff ?? null, queued_at: t.change.queuedAt?.toISOString() ?? null,
    }));
    const replies = live.flatMap((t) => t.rows.map((r, ord) => ({
      conversation_id: t.conversationId, id: r.id, ord, author: r.author, kind: r.kind, text: r.text, reply_to: r.replyTo ?? null,
      knowledge_entry_id: r.knowledgeEntryId ?? null, confidence: r.confidence ?? null, meta: r.meta ?? {}, created_at: (r.createdAt as Date).toISOString(),
    })));
    const events = live.flatMap((t) => t.events.map((e) => ({ conversation_id: t.conversationId, id: e.id, name: e.name, payload: e.payload, created_at: e.at.toISOString() })));
    const result = await db.execute<{ id: string; seq: number }>(sql`
      with turns as (
        select * from jsonb_to_recordset(${JSON.stringify(changes)}::jsonb)
          as t(conversation_id uuid, workspace_id uuid, n int, at timestamptz, bot_state jsonb, status text, handoff_trigger text, handoff jsonb, queued_at timestamptz)
      ), conv as (
        update conversations c set last_seq = c.last_seq + t.n, last_message_at = t.at, bot_state = coalesce(t.bot_state, c.bot_state),
          status = coalesce(t.status, c.status), handoff_trigger = coalesce(t.handoff_trigger, c.handoff_trigger),
          handoff = coalesce(t.handoff, c.handoff), queued_at = coalesce(t.queued_at, c.queued_at)
        from turns t where c.id = t.conversation_id and c.workspace_id = t.workspace_id
        returning c.id, c.workspace_id, c.last_seq, t.n
      ), ins as (
        insert into messages (id, workspace_id, conversation_id, seq, author, kind, text, reply_to, knowledge_entry_id, confidence, meta, created_at)
        select r.id, conv.workspace_id, conv.id, conv.last_seq - conv.n + r.ord + 1, r.author, r.kind, r.text, r.reply_to, r.knowledge_entry_id, r.confidence, r.meta, r.created_at
        from jsonb_to_recordset(${JSON.stringify(replies)}::jsonb)
          as r(conversation_id uuid, id uuid, ord int, author text, kind text, text text, reply_to uuid, knowledge_entry_id uuid, confidence float8, meta jsonb, created_at timestamptz)
        join conv on conv.id = r.conversation_id
        returning id, seq
      ), ev as (
        insert into outbox (id, workspace_id, name, payload, created_at)
        select e.id, conv.workspace_id, e.name, e.payload, e.created_at
        from jsonb_to_recordset(${JSON.stringify(events)}::jsonb) as e(conversation_id uuid, id uuid, name text, payload jsonb, created_at timestamptz)
        join conv on conv.id = e.conversation_id
      )
      select id, seq from ins`);
    const seqs = new Map(result.rows.map((r) => [r.id, r.seq]));
    return turns.map((t) =>
      t.rows
        .filter((r) => seqs.has(r.id))
        .map((r) => ({ authorId: null, private: false, clientMessageId: null, replyTo: null, knowledgeEntryId: null, confidence: null, helpful: null, meta: {}, ...r, seq: seqs.get(r.id)! }) as Message),
    );
  },
  async byClientId(db: Executor, workspaceId: string, conversationId: string, clientMessageId: string): Promise<{ message: Message; replies: Message[] } | null> {
    const rows = await db.execute<{ id: string }>(sql`
      select id from messages where workspace_id = ${workspaceId} and conversation_id = ${conversationId} and client_message_id = ${clientMessageId}`);
    const original = rows.rows[0];
    if (!original) return null;
    const all = await db.select().from(messages).where(and(eq(messages.workspaceId, workspaceId), eq(messages.conversationId, conversationId), sql`(${messages.id} = ${original.id} or ${messages.replyTo} = ${original.id})`)).orderBy(messages.seq);
    return { message: all.find((m) => m.id === original.id)!, replies: all.filter((m) => m.id !== original.id) };
  },
  async seqOf(db: Executor, workspaceId: string, conversationId: string, id: string): Promise<number | null> {
    const rows = await db.select({ seq: messages.seq }).from(messages).where(and(eq(messages.workspaceId, workspaceId), eq(messages.conversationId, conversationId), eq(messages.id, id))).limit(1);
    return rows[0]?.seq ?? null;
  },
  async after(db: Executor, workspaceId: string, conversationId: string, afterSeq: number, options: { includePrivate: boolean; limit: number }): Promise<Message[]> {
    const conditions = [eq(messages.workspaceId, workspaceId), eq(messages.conversationId, conversationId), sql`${messages.seq} > ${afterSeq}`];
    if (!options.includePrivate) conditions.push(eq(messages.private, false));
    return db.select().from(messages).where(and(...conditions)).orderBy(messages.seq).limit(options.limit);
  },
  async byId(db: Executor, workspaceId: string, conversationId: string, id: string): Promise<Message | undefined> {
    return (await db.select().from(messages).where(and(eq(messages.workspaceId, workspaceId), eq(messages.conversationId, conversationId), eq(messages.id, id))).limit(1))[0];
  },
  async setHelpful(db: Executor, workspaceId: string, id: string, helpful: boolean): Promise<void> {
    await db.update(messages).set({ helpful }).where(and(eq(messages.workspaceId, workspaceId), eq(messages.id, id)));
  },
  async botAnswers(db: Executor, workspaceId: string, conversationId: string): Promise<Message[]> {
    return db.select().from(messages).where(and(eq(messages.workspaceId, workspaceId), eq(messages.conversationId, conversationId), eq(messages.author, 'bot'), eq(messages.kind, 'answer'))).orderBy(desc(messages.seq)).limit(20);
  },
};

/** The entries the bot answered with most lately: the workspace's current top questions (猜你想问). */
export async function topAnsweredEntries(db: Executor, workspaceId: string, since: Date, limit: number): Promise<string[]> {
  const result = await db.execute<{ id: string }>(sql`
    select knowledge_entry_id as id from messages
    where workspace_id = ${workspaceId} and knowledge_entry_id is not null and kind = 'answer' and created_at > ${ts(since)}
    group by knowledge_entry_id order by count(*) desc limit ${limit}`);
  return result.rows.map((r) => r.id);
}
