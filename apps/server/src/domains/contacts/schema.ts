import { boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export type ChannelIdentity = { channel: string; externalId: string };

// Customers: one row per person per workspace, found again by email or phone.
export const contacts = pgTable(
  'contacts',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    name: text('name'),
    email: text('email'),
    phone: text('phone'),
    locale: text('locale'),
    attributes: jsonb('attributes').$type<Record<string, unknown>>().notNull().default({}),
    vip: boolean('vip').notNull().default(false),
    humanOnly: boolean('human_only').notNull().default(false),
    identities: jsonb('identities').$type<ChannelIdentity[]>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('contacts_email_idx').on(t.workspaceId, t.email), index('contacts_phone_idx').on(t.workspaceId, t.phone)],
);

// A widget session: only the token's hash is stored; it opens one conversation for one contact.
export const customerSessions = pgTable(
  'customer_sessions',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    conversationId: uuid('conversation_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('customer_sessions_token_idx').on(t.tokenHash)],
);
