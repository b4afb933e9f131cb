import { and, desc, eq, gte, isNotNull, lt, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/index.ts';
import { NPS_DETRACTOR, NPS_PROMOTER } from './model.ts';
import { npsResponses } from './schema.ts';

export type NpsResponse = typeof npsResponses.$inferSelect;

export const npsStore = {
  /** Inserts the answer unless the conversation already has one; returns whether it was stored. */
  async insertOnce(db: Executor, row: NpsResponse): Promise<boolean> {
    const inserted = await db.insert(npsResponses).values(row).onConflictDoNothing().returning({ id: npsResponses.id });
    return inserted.length > 0;
  },

  async counts(db: Executor, workspaceId: string, from: Date, to: Date): Promise<{ promoters: number; passives: number; detractors: number }> {
    const [row] = await db
      .select({
        promoters: sql<number>`count(*) filter (where ${npsResponses.score} >= ${NPS_PROMOTER})::int`,
        passives: sql<number>`count(*) filter (where ${npsResponses.score} > ${NPS_DETRACTOR} and ${npsResponses.score} < ${NPS_PROMOTER})::int`,
        detractors: sql<number>`count(*) filter (where ${npsResponses.score} <= ${NPS_DETRACTOR})::int`,
      })
      .from(npsResponses)
      .where(and(eq(npsResponses.workspaceId, workspaceId), gte(npsResponses.createdAt, from), lt(npsResponses.createdAt, to)));
    return { promoters: row?.promoters ?? 0, passives: row?.passives ?? 0, detractors: row?.detractors ?? 0 };
  },

  async recentComments(db: Executor, workspaceId: string, from: Date, to: Date, limit: number): Promise<NpsResponse[]> {
    return db
      .select()
      .from(npsResponses)
      .where(and(eq(npsResponses.workspaceId, workspaceId), gte(npsResponses.createdAt, from), lt(npsResponses.createdAt, to), isNotNull(npsResponses.comment)))
      .orderBy(desc(npsResponses.createdAt))
      .limit(limit);
  },
};
