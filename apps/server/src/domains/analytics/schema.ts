import { sql } from 'drizzle-orm';
import { doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { storedFigures } from './definitions.ts';

/**
 * Append-only facts: what happened, one row per observation, written by the `analytics.facts` subscriber
 * from committed events. The unique key makes a replayed event add nothing.
 */
export const analyticsFacts = pgTable(
  'analytics_facts',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    conversationId: uuid('conversation_id').notNull(),
    kind: text('kind').notNull(),
    /** What makes this fact unique within its conversation and kind: a message or event id, '' for once-only facts. */
    key: text('key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    channel: text('channel'),
    agentId: uuid('agent_id'),
    teamId: uuid('team_id'),
    intent: text('intent'),
    entryId: uuid('entry_id'),
    /** The fact's number: confidence, level, score, queue position … (see facts.ts per kind). */
    value: doublePrecision('value'),
    label: text('label'),
    detail: jsonb('detail'),
  },
  (t) => [
    uniqueIndex('analytics_facts_key_idx').on(t.workspaceId, t.conversationId, t.kind, t.key),
    index('analytics_facts_kind_at_idx').on(t.workspaceId, t.kind, t.at),
  ],
);

/**
 * One row per conversation, folded from its facts by the same subscriber (same transaction): the
 * pre-aggregate every range figure is computed from. Columns merge commutatively (least, greatest, sums),
 * so facts arriving in any order give the same row; ratios and "ended" are decided at query time.
 */
export const analyticsConversations = pgTable(
  'analytics_conversations',
  {
    workspaceId: uuid('workspace_id').notNull(),
    conversationId: uuid('conversation_id').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    channel: text('channel'),
    intent: text('intent'),
    intentAt: timestamp('intent_at', { withTimezone: true }),
    customerMessages: integer('customer_messages').notNull().default(0),
    botReplies: integer('bot_replies').notNull().default(0),
    botAnswers: integer('bot_answers').notNull().default(0),
    botFallbacks: integer('bot_fallbacks').notNull().default(0),
    lastBotKind: text('last_bot_kind'),
    lastBotEntry: text('last_bot_entry'),
    lastBotAt: timestamp('last_bot_at', { withTimezone: true }),
    firstCustomerAt: timestamp('first_customer_at', { withTimezone: true }),
    firstBotAt: timestamp('first_bot_at', { withTimezone: true }),
    handoffTrigger: text('handoff_trigger'),
    handedOffAt: timestamp('handed_off_at', { withTimezone: true }),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    agentId: uuid('agent_id'),
    teamId: uuid('team_id'),
    agentAt: timestamp('agent_at', { withTimezone: true }),
    firstAgentAt: timestamp('first_agent_at', { withTimezone: true }),
    agentMessages: integer('agent_messages').notNull().default(0),
    status: text('status'),
    statusAt: timestamp('status_at', { withTimezone: true }),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    reopened: integer('reopened').notNull().default(0),
    csat: integer('csat'),
    nps: integer('nps'),
    answersRated: integer('answers_rated').notNull().default(0),
    answersHelpful: integer('answers_helpful').notNull().default(0),
    emotionMessages: integer('emotion_messages').notNull().default(0),
    negativeMessages: integer('negative_messages').notNull().default(0),
    emotionSum: integer('emotion_sum').notNull().default(0),
    maxEmotion: integer('max_emotion'),
    lastActivityAt: timestamp('last_activity_at', { withTimezone: true }),
    // Figures of the row that do not depend on the time of the question (definitions.ts), stored once.
    settledOutcome: text('settled_outcome').generatedAlwaysAs(storedFigures.settledOutcome),
    idleOutcome: text('idle_outcome').generatedAlwaysAs(storedFigures.idleOutcome),
    frMs: doublePrecision('fr_ms').generatedAlwaysAs(storedFigures.firstResponseMs),
    frbMs: doublePrecision('frb_ms').generatedAlwaysAs(storedFigures.firstBotResponseMs),
    frhMs: doublePrecision('frh_ms').generatedAlwaysAs(storedFigures.firstHumanResponseMs),
    waitMs: doublePrecision('wait_ms').generatedAlwaysAs(storedFigures.waitMs),
    handleMs: doublePrecision('handle_ms').generatedAlwaysAs(storedFigures.handleMs),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.conversationId] }),
    index('analytics_conversations_started_idx').on(t.workspaceId, t.startedAt),
    // Live figures: the few conversations waiting for or with a person, and those recently with the bot.
    index('analytics_conversations_waiting_idx').on(t.workspaceId, t.status).where(sql`status in ('queued', 'assigned', 'pending')`),
    index('analytics_conversations_bot_idx').on(t.workspaceId, t.lastActivityAt).where(sql`status = 'bot'`),
  ],
);

/** Alerts: raised by thresholds or a surge, open until someone acknowledges them; one open alert per kind and subject. */
export const analyticsAlerts = pgTable(
  'analytics_alerts',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    kind: text('kind', { enum: ['queue_length', 'longest_wait', 'surge'] }).notNull(),
    severity: text('severity', { enum: ['warning', 'critical'] }).notNull(),
    subject: text('subject').notNull(),
    detail: jsonb('detail').notNull().default({}),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull(),
    acknowledgedBy: uuid('acknowledged_by'),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('analytics_alerts_open_idx').on(t.workspaceId, t.kind, t.subject).where(sql`acknowledged_at is null`),
    index('analytics_alerts_raised_idx').on(t.workspaceId, t.raisedAt),
  ],
);
