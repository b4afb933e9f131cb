import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/index.ts';
import { mentions } from './schema.ts';

export type Mention = typeof mentions.$inferSelect;

export const mentionStore = {
  /** One row per (message, person): a replayed note mentions nobody twice. */
  async insertMany(db: Executor, rows: (typeof mentions.$inferInsert)[]): Promise<Mention[]> {
    if (rows.length === 0) return [];
    return db.insert(mentions).values(rows).onConflictDoNothing().returning();
  },
  /** Unread first, then newest first. */
  async listFor(db: Executor, workspaceId: string, userId: string, options: { unreadOnly: boolean; limit: number }): Promise<Mention[]> {
    const where = [eq(mentions.workspaceId, workspaceId), eq(mentions.userId, userId)];
    if (options.unreadOnly) where.push(isNull(mentions.readAt));
    return db
      .select()
      .from(mentions)
      .where(and(...where))
      .orderBy(sql`${mentions.readAt} is null desc`, desc(mentions.createdAt))
      .limit(options.limit);
  },
  async unreadCount(db: Executor, workspaceId: string, userId: string): Promise<number> {
    const rows = await db.execute<{ n: number }>(sql`select count(*)::int as n from mentions where workspace_id = ${workspaceId} and user_id = ${userId} and read_at is null`);
    return rows.rows[0]?.n ?? 0;
  },
  /** Marks the given mentions of this person read (all of them when ids is null). */
  async markRead(db: Executor, workspaceId: string, userId: string, ids: string[] | null, at: Date): Promise<void> {
    const where = [eq(mentions.workspaceId, workspaceId), eq(mentions.userId, userId), isNull(mentions.readAt)];
    if (ids) {
      if (ids.length === 0) return;
      where.push(inArray(mentions.id, ids));
    }
    await db.update(mentions).set({ readAt: at }).where(and(...where));
  },
};
