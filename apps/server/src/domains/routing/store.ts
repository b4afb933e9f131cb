import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/index.ts';
import { agentProfiles, teams } from './schema.ts';

export type AgentProfile = typeof agentProfiles.$inferSelect;
export type Team = typeof teams.$inferSelect;

export const profileStore = {
  async byUser(db: Executor, workspaceId: string, userId: string): Promise<AgentProfile | undefined> {
    return (await db.select().from(agentProfiles).where(and(eq(agentProfiles.workspaceId, workspaceId), eq(agentProfiles.userId, userId))).limit(1))[0];
  },
  async list(db: Executor, workspaceId: string): Promise<AgentProfile[]> {
    return db.select().from(agentProfiles).where(eq(agentProfiles.workspaceId, workspaceId));
  },
  /** Creates the profile with defaults on first use, then applies the change. */
  async upsert(db: Executor, workspaceId: string, userId: string, change: Partial<Omit<AgentProfile, 'userId' | 'workspaceId'>>): Promise<AgentProfile> {
    const rows = await db
      .insert(agentProfiles)
      .values({ userId, workspaceId, ...change })
      .onConflictDoUpdate({ target: agentProfiles.userId, set: change, setWhere: eq(agentProfiles.workspaceId, workspaceId) })
      .returning();
    return rows[0]!;
  },
  /** One more socket connection; a no-op for users who never worked as agents (they have no presence to keep). */
  async markConnected(db: Executor, workspaceId: string, userId: string): Promise<void> {
    await db.update(agentProfiles).set({ connections: sql`${agentProfiles.connections} + 1` }).where(and(eq(agentProfiles.workspaceId, workspaceId), eq(agentProfiles.userId, userId)));
  },
  async markAssigned(db: Executor, workspaceId: string, userId: string, at: Date): Promise<void> {
    await db.update(agentProfiles).set({ lastAssignedAt: at }).where(and(eq(agentProfiles.workspaceId, workspaceId), eq(agentProfiles.userId, userId)));
  },
};

export const teamStore = {
  async list(db: Executor, workspaceId: string): Promise<Team[]> {
    return db.select().from(teams).where(eq(teams.workspaceId, workspaceId)).orderBy(teams.name);
  },
  async existing(db: Executor, workspaceId: string, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await db.select({ id: teams.id }).from(teams).where(and(eq(teams.workspaceId, workspaceId), inArray(teams.id, ids)));
    return rows.map((r) => r.id);
  },
  async insert(db: Executor, row: typeof teams.$inferInsert): Promise<Team | null> {
    const rows = await db.insert(teams).values(row).onConflictDoNothing().returning();
    return rows[0] ?? null;
  },
  async countOnline(db: Executor, workspaceId: string): Promise<number> {
    const rows = await db.select({ n: sql<number>`count(*)::int` }).from(agentProfiles).where(and(eq(agentProfiles.workspaceId, workspaceId), eq(agentProfiles.status, 'online')));
    return rows[0]?.n ?? 0;
  },
};
