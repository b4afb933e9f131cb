import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Net Promoter Score answers: one per conversation ("how likely are you to recommend us", 0–10). */
export const npsResponses = pgTable(
  'nps_responses',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    conversationId: uuid('conversation_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    score: integer('score').notNull(),
    comment: text('comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('nps_responses_conversation_idx').on(t.workspaceId, t.conversationId),
    index('nps_responses_workspace_time_idx').on(t.workspaceId, t.createdAt),
  ],
);
