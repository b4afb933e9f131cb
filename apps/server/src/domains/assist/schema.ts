import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Canned responses: a shortcut agents type after "/", a title, the text in each language with {{variables}}. */
export const cannedResponses = pgTable(
  'canned_responses',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    shortcut: text('shortcut').notNull(),
    title: text('title').notNull(),
    texts: jsonb('texts').$type<{ 'zh-CN'?: string; 'en-US'?: string }>().notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('canned_responses_workspace_shortcut_idx').on(t.workspaceId, t.shortcut), index('canned_responses_workspace_idx').on(t.workspaceId, t.title)],
);
