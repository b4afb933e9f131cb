import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// The outbox: events committed with the write that caused them, delivered after commit.
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id'),
    name: text('name').notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [index('outbox_pending_idx').on(t.publishedAt, t.id)],
);

// One row per (event, subscriber) handled: makes every once-only subscriber idempotent across replays.
export const eventReceipts = pgTable(
  'event_receipts',
  {
    eventId: uuid('event_id').notNull(),
    subscriber: text('subscriber').notNull(),
    handledAt: timestamp('handled_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.subscriber] })],
);
