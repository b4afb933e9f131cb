import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** How a user works as an agent: presence, capacity, skills, languages, teams. One row per user, made on first use. */
export const agentProfiles = pgTable(
  'agent_profiles',
  {
    userId: uuid('user_id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    status: text('status', { enum: ['online', 'away', 'offline'] }).notNull().default('offline'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }),
    capacity: integer('capacity').notNull().default(5),
    skills: jsonb('skills').$type<Record<string, number>>().notNull().default({}),
    languages: jsonb('languages').$type<string[]>().notNull().default(['zh-CN', 'en-US']),
    teamIds: jsonb('team_ids').$type<string[]>().notNull().default([]),
    lastAssignedAt: timestamp('last_assigned_at', { withTimezone: true }),
    /** Counts socket connections, so a presence-grace check can tell the agent came back since it was scheduled. */
    connections: integer('connections').notNull().default(0),
  },
  (t) => [index('agent_profiles_workspace_status_idx').on(t.workspaceId, t.status)],
);

export const teams = pgTable(
  'teams',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('teams_workspace_name_idx').on(t.workspaceId, t.name)],
);

/** A queued conversation offered to one agent until it expires; agents who let it expire are remembered. */
export const routingOffers = pgTable(
  'routing_offers',
  {
    conversationId: uuid('conversation_id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    agentId: uuid('agent_id'),
    offeredAt: timestamp('offered_at', { withTimezone: true }),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    declinedBy: jsonb('declined_by').$type<string[]>().notNull().default([]),
    /** Transferred to a team: only its members are offered it. */
    teamId: uuid('team_id'),
  },
  (t) => [index('routing_offers_workspace_agent_idx').on(t.workspaceId, t.agentId)],
);
