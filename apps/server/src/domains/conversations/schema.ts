import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const conversations = pgTable(
  'conversations',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    status: text('status', { enum: ['bot', 'queued', 'assigned', 'resolved', 'closed', 'pending'] }).notNull(),
    channel: text('channel').notNull().default('web'),
    locale: text('locale'),
    assigneeId: uuid('assignee_id'),
    /** The last message's sequence number: bumped under the row lock, so messages have a strict order. */
    lastSeq: integer('last_seq').notNull().default(0),
    /** What the bot remembers between turns (recent questions, streaks, emotion, an active flow). */
    botState: jsonb('bot_state').notNull().default({}),
    handoffTrigger: text('handoff_trigger'),
    handoff: jsonb('handoff'),
    queuedAt: timestamp('queued_at', { withTimezone: true }),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    csatScore: integer('csat_score'),
    csatComment: text('csat_comment'),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** How the agent closed it: a key of the workspace's dispositions (dispositions.ts). */
    disposition: text('disposition'),
    tags: jsonb('tags').$type<string[]>().notNull().default([]),
  },
  (t) => [
    index('conversations_workspace_status_idx').on(t.workspaceId, t.status, t.queuedAt),
    index('conversations_contact_idx').on(t.workspaceId, t.contactId),
    index('conversations_tags_idx').using('gin', t.tags),
    // The inbox's order (newest activity first): a list of 50 reads 50 index entries instead of sorting the workspace.
    index('conversations_workspace_activity_idx').on(t.workspaceId, sql`coalesce(${t.lastMessageAt}, ${t.createdAt}) desc`),
  ],
);

export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    conversationId: uuid('conversation_id').notNull(),
    seq: integer('seq').notNull(),
    author: text('author', { enum: ['customer', 'bot', 'agent', 'system'] }).notNull(),
    authorId: uuid('author_id'),
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    private: boolean('private').notNull().default(false),
    clientMessageId: text('client_message_id'),
    /** The customer message a bot reply answers: a retried message returns the same replies. */
    replyTo: uuid('reply_to'),
    knowledgeEntryId: uuid('knowledge_entry_id'),
    confidence: doublePrecision('confidence'),
    /** Suggestions, quick replies and what the bot understood: intent, emotion, entities, latency. */
    meta: jsonb('meta').notNull().default({}),
    helpful: boolean('helpful'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('messages_conversation_seq_idx').on(t.conversationId, t.seq),
    uniqueIndex('messages_client_id_idx').on(t.workspaceId, t.conversationId, t.clientMessageId),
    index('messages_reply_to_idx').on(t.replyTo),
  ],
);

/** Files customers and agents attach to messages: the bytes live in the attachments directory, this row says what they are. */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    conversationId: uuid('conversation_id').notNull(),
    /** Set once, when a message carries it: an attachment belongs to at most one message. */
    messageId: uuid('message_id'),
    uploaderKind: text('uploader_kind', { enum: ['customer', 'agent'] }).notNull(),
    /** The contact (customer) or user (agent) who uploaded it. */
    uploaderId: uuid('uploader_id').notNull(),
    name: text('name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    /** Where the bytes are, relative to the attachments directory. */
    storageKey: text('storage_key').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('attachments_conversation_idx').on(t.workspaceId, t.conversationId), index('attachments_message_idx').on(t.messageId)],
);

/** A colleague @mentioned in a private note: their to-read list (GET /api/v1/mentions). */
export const mentions = pgTable(
  'mentions',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    userId: uuid('user_id').notNull(),
    conversationId: uuid('conversation_id').notNull(),
    messageId: uuid('message_id').notNull(),
    authorId: uuid('author_id'),
    excerpt: text('excerpt').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('mentions_message_user_idx').on(t.messageId, t.userId),
    index('mentions_user_idx').on(t.workspaceId, t.userId, t.createdAt),
  ],
);
