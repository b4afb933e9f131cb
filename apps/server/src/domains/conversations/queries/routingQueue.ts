import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/index.ts';

/** A queued conversation as routing needs it: who the customer is, how upset, which language. */
export type QueuedForRouting = {
  conversationId: string;
  queuedAt: Date;
  vip: boolean;
  humanOnly: boolean;
  emotionLevel: number;
  language: string | null;
};

/** The oldest queued conversations of a workspace, with what routing orders and matches them by. */
export async function queuedForRouting(db: Executor, workspaceId: string, limit = 500): Promise<QueuedForRouting[]> {
  const rows = await db.execute<{ id: string; queued_at: Date; vip: boolean; human_only: boolean; emotion: number | null; locale: string | null }>(sql`
    select c.id, c.queued_at, ct.vip, ct.human_only, c.locale,
      (select max(e::int) from jsonb_array_elements_text(coalesce(c.handoff->'emotionTrajectory', '[]'::jsonb)) e) as emotion
    from conversations c join contacts ct on ct.id = c.contact_id and ct.workspace_id = c.workspace_id
    where c.workspace_id = ${workspaceId} and c.status = 'queued'
    order by c.queued_at, c.id limit ${limit}`);
  return rows.rows.map((r) => ({
    conversationId: r.id,
    queuedAt: new Date(r.queued_at),
    vip: r.vip,
    humanOnly: r.human_only,
    emotionLevel: r.emotion ?? 1,
    language: r.locale ? r.locale.slice(0, 2) : null,
  }));
}

/** How many conversations each agent has open now (assigned to them). */
export async function activeCountsByAssignee(db: Executor, workspaceId: string): Promise<Map<string, number>> {
  const rows = await db.execute<{ assignee_id: string; n: number }>(sql`
    select assignee_id, count(*)::int as n from conversations
    where workspace_id = ${workspaceId} and status = 'assigned' and assignee_id is not null group by assignee_id`);
  return new Map(rows.rows.map((r) => [r.assignee_id, r.n]));
}
