import { and, desc, eq, gt, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db/index.ts';
import type { Ids } from '../../platform/ids.ts';
import type { Fact } from './facts.ts';
import type { ConversationRollup } from './rollup.ts';
import { analyticsAlerts, analyticsConversations, analyticsFacts } from './schema.ts';

export type Alert = typeof analyticsAlerts.$inferSelect;
export type Cohort = { workspaceId: string; from: Date; to: Date; channel?: string; team?: string; agent?: string; intent?: string };

/** Conversations started in [from, to) that match the filters, as a WHERE over `c`. */
export function cohortSql(q: Cohort): SQL {
  const parts: SQL[] = [sql`c.workspace_id = ${q.workspaceId}::uuid`, sql`c.started_at >= ${q.from.toISOString()}::timestamptz`, sql`c.started_at < ${q.to.toISOString()}::timestamptz`];
  if (q.channel) parts.push(sql`c.channel = ${q.channel}`);
  if (q.team) parts.push(sql`c.team_id = ${q.team}::uuid`);
  if (q.agent) parts.push(sql`c.agent_id = ${q.agent}::uuid`);
  if (q.intent) parts.push(sql`c.intent = ${q.intent}`);
  return sql.join(parts, sql` and `);
}

export const factStore = {
  /** Inserts facts not stored yet; returns only the new ones (a replay returns none). */
  async insertNew(tx: Executor, ids: Ids, facts: readonly Fact[]): Promise<Fact[]> {
    if (facts.length === 0) return [];
    // The rows travel as one JSON parameter: a statement of 15 parameters per fact cost more to build than to run.
    const rows = facts.map((f) => ({
      id: ids.next(), workspace_id: f.workspaceId, conversation_id: f.conversationId, kind: f.kind, key: f.key, at: f.at.toISOString(), channel: f.channel,
      agent_id: f.agentId, team_id: f.teamId, intent: f.intent, entry_id: f.entryId, value: f.value, label: f.label, detail: f.detail,
    }));
    const inserted = await tx.execute<{ conversation_id: string; kind: string; key: string }>(sql`
      insert into analytics_facts (id, workspace_id, conversation_id, kind, key, at, channel, agent_id, team_id, intent, entry_id, value, label, detail)
      select id, workspace_id, conversation_id, kind, key, at, channel, agent_id, team_id, intent, entry_id, value, label, detail
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(id uuid, workspace_id uuid, conversation_id uuid, kind text, key text, at timestamptz,
        channel text, agent_id uuid, team_id uuid, intent text, entry_id uuid, value float8, label text, detail jsonb)
      on conflict do nothing
      returning conversation_id, kind, key`);
    const fresh = new Set(inserted.rows.map((r) => `${r.conversation_id}|${r.kind}|${r.key}`));
    return facts.filter((f) => fresh.has(`${f.conversationId}|${f.kind}|${f.key}`));
  },
  /** Customer questions that got this intent in a window, newest first (for a knowledge pack). */
  async examples(db: Executor, workspaceId: string, intent: string, since: Date, limit: number): Promise<string[]> {
    const rows = await db.execute<{ text: string }>(sql`
      select q.detail->>'text' as text, max(q.at) as last from analytics_facts r
      join analytics_facts q on q.workspace_id = r.workspace_id and q.conversation_id = r.conversation_id and q.kind = 'customer_message' and q.key = r.detail->>'replyTo'
      where r.workspace_id = ${workspaceId}::uuid and r.kind = 'bot_reply' and r.intent = ${intent} and r.at >= ${since.toISOString()}::timestamptz
      group by 1 order by last desc limit ${limit}`);
    return rows.rows.map((r) => r.text);
  },
};

export const rollupStore = {
  async cohort(db: Executor, q: Cohort, limit = 100_000): Promise<ConversationRollup[]> {
    const rows = await db.execute(sql`select c.* from analytics_conversations c where ${cohortSql(q)} order by c.started_at, c.conversation_id limit ${limit}`);
    return rows.rows.map(rollupFromRow);
  },
  async byId(db: Executor, workspaceId: string, conversationId: string): Promise<ConversationRollup | undefined> {
    const rows = await db.select().from(analyticsConversations).where(and(eq(analyticsConversations.workspaceId, workspaceId), eq(analyticsConversations.conversationId, conversationId)));
    return rows[0] as ConversationRollup | undefined;
  },
};

const snake = (f: string) => f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
/** A raw row of analytics_conversations (snake_case) as a ConversationRollup. */
export function rollupFromRow(row: Record<string, unknown>): ConversationRollup {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(analyticsConversations)) {
    const column = (analyticsConversations as unknown as Record<string, { name?: string }>)[key];
    if (!column?.name) continue;
    const value = row[column.name] ?? row[snake(key)] ?? null;
    out[key] = value !== null && key.endsWith('At') && !(value instanceof Date) ? new Date(value as string) : value;
  }
  return out as ConversationRollup;
}

export const alertStore = {
  /** Raises an alert unless one of the same kind and subject is still open; returns it only when new. */
  async raise(tx: Executor, alert: typeof analyticsAlerts.$inferInsert): Promise<Alert | null> {
    const rows = await tx.insert(analyticsAlerts).values(alert).onConflictDoNothing().returning();
    return rows[0] ?? null;
  },
  async list(db: Executor, workspaceId: string, options: { open?: boolean; limit: number }): Promise<Alert[]> {
    const where = options.open ? and(eq(analyticsAlerts.workspaceId, workspaceId), isNull(analyticsAlerts.acknowledgedAt)) : eq(analyticsAlerts.workspaceId, workspaceId);
    return db.select().from(analyticsAlerts).where(where).orderBy(desc(analyticsAlerts.raisedAt), desc(analyticsAlerts.id)).limit(options.limit);
  },
  async byId(db: Executor, workspaceId: string, id: string): Promise<Alert | undefined> {
    const rows = await db.select().from(analyticsAlerts).where(and(eq(analyticsAlerts.workspaceId, workspaceId), eq(analyticsAlerts.id, id)));
    return rows[0];
  },
  /** Of these subjects, those an alert of this kind would not be raised for now: still open, or raised since `since`. */
  async quietSubjects(db: Executor, workspaceId: string, kind: Alert['kind'], subjects: readonly string[], since: Date): Promise<Set<string>> {
    if (subjects.length === 0) return new Set();
    const rows = await db
      .selectDistinct({ subject: analyticsAlerts.subject })
      .from(analyticsAlerts)
      .where(and(eq(analyticsAlerts.workspaceId, workspaceId), eq(analyticsAlerts.kind, kind), inArray(analyticsAlerts.subject, [...subjects]), or(isNull(analyticsAlerts.acknowledgedAt), gt(analyticsAlerts.raisedAt, since))));
    return new Set(rows.map((r) => r.subject));
  },
  async acknowledge(tx: Executor, workspaceId: string, id: string, by: string, at: Date): Promise<Alert | undefined> {
    const rows = await tx
      .update(analyticsAlerts)
      .set({ acknowledgedBy: by, acknowledgedAt: at })
      .where(and(eq(analyticsAlerts.workspaceId, workspaceId), eq(analyticsAlerts.id, id), isNull(analyticsAlerts.acknowledgedAt)))
      .returning();
    return rows[0];
  },
};
