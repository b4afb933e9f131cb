import { and, asc, eq, ilike, or } from 'drizzle-orm';
import type { Executor } from '../../platform/db/index.ts';
import { cannedResponses } from './schema.ts';

export type CannedResponse = typeof cannedResponses.$inferSelect;

export const cannedStore = {
  async list(db: Executor, workspaceId: string, q: string | null): Promise<CannedResponse[]> {
    const search = q ? or(ilike(cannedResponses.shortcut, `%${q.replace(/[%_\\]/g, '\\$&')}%`), ilike(cannedResponses.title, `%${q.replace(/[%_\\]/g, '\\$&')}%`)) : undefined;
    return db.select().from(cannedResponses).where(and(eq(cannedResponses.workspaceId, workspaceId), search)).orderBy(asc(cannedResponses.shortcut)).limit(500);
  },
  async byId(db: Executor, workspaceId: string, id: string): Promise<CannedResponse | undefined> {
    return (await db.select().from(cannedResponses).where(and(eq(cannedResponses.workspaceId, workspaceId), eq(cannedResponses.id, id))).limit(1))[0];
  },
  /** Null when the shortcut is taken (the unique index decides, even under a race). */
  async insert(db: Executor, row: typeof cannedResponses.$inferInsert): Promise<CannedResponse | null> {
    return (await db.insert(cannedResponses).values(row).onConflictDoNothing().returning())[0] ?? null;
  },
  async update(db: Executor, workspaceId: string, id: string, patch: Pick<CannedResponse, 'shortcut' | 'title' | 'texts' | 'updatedAt'>): Promise<CannedResponse | undefined> {
    return (await db.update(cannedResponses).set(patch).where(and(eq(cannedResponses.workspaceId, workspaceId), eq(cannedResponses.id, id))).returning())[0];
  },
  async byShortcut(db: Executor, workspaceId: string, shortcut: string): Promise<CannedResponse | undefined> {
    return (await db.select().from(cannedResponses).where(and(eq(cannedResponses.workspaceId, workspaceId), eq(cannedResponses.shortcut, shortcut))).limit(1))[0];
  },
  async remove(db: Executor, workspaceId: string, id: string): Promise<boolean> {
    return (await db.delete(cannedResponses).where(and(eq(cannedResponses.workspaceId, workspaceId), eq(cannedResponses.id, id))).returning({ id: cannedResponses.id })).length > 0;
  },
};
