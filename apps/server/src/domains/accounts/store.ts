import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Role } from '@lingxi/contracts';
import type { Executor } from '../../platform/db/index.ts';
import { auditLog, authSessions, users, workspaces } from './schema.ts';

export type Workspace = typeof workspaces.$inferSelect;
export type User = typeof users.$inferSelect;
export type AuthSession = typeof authSessions.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;

// Every read takes the workspace it may look in: no query crosses workspaces by accident.
export const workspaceStore = {
  async bySlug(db: Executor, slug: string): Promise<Workspace | undefined> {
    return (await db.select().from(workspaces).where(eq(workspaces.slug, slug)).limit(1))[0];
  },
  async byId(db: Executor, id: string): Promise<Workspace | undefined> {
    return (await db.select().from(workspaces).where(eq(workspaces.id, id)).limit(1))[0];
  },
  async insert(db: Executor, row: typeof workspaces.$inferInsert): Promise<Workspace> {
    return (await db.insert(workspaces).values(row).returning())[0]!;
  },
  /** The settings jsonb, every section (bot, routing, analytics, assist, dispositions …); `forUpdate` locks it to change one. */
  async settings(db: Executor, id: string, forUpdate = false): Promise<unknown> {
    const rows = await db.execute<{ settings: unknown }>(
      forUpdate ? sql`select settings from workspaces where id = ${id} for update` : sql`select settings from workspaces where id = ${id}`,
    );
    return rows.rows[0]?.settings;
  },
  /** Writes one section of the settings jsonb, leaving the other sections as they are. */
  async saveSettingsSection(db: Executor, id: string, section: string, value: unknown): Promise<void> {
    await db.execute(sql`
      update workspaces set settings = jsonb_set(coalesce(settings, '{}'::jsonb), ${`{${section}}`}::text[], ${JSON.stringify(value)}::jsonb, true)
      where id = ${id}`);
  },
};

export const userStore = {
  /** Login is by email across workspaces (emails are unique), so this is the one unscoped read. */
  async byEmailForLogin(db: Executor, email: string): Promise<User | undefined> {
    return (await db.select().from(users).where(eq(users.email, email)).limit(1))[0];
  },
  async byId(db: Executor, workspaceId: string, id: string): Promise<User | undefined> {
    return (await db.select().from(users).where(and(eq(users.workspaceId, workspaceId), eq(users.id, id))).limit(1))[0];
  },
  async byEmail(db: Executor, workspaceId: string, email: string): Promise<User | undefined> {
    return (await db.select().from(users).where(and(eq(users.workspaceId, workspaceId), eq(users.email, email))).limit(1))[0];
  },
  async list(db: Executor, workspaceId: string, role?: Role): Promise<User[]> {
    const where = role ? and(eq(users.workspaceId, workspaceId), eq(users.role, role)) : eq(users.workspaceId, workspaceId);
    return db.select().from(users).where(where).orderBy(users.createdAt);
  },
  async insert(db: Executor, row: typeof users.$inferInsert): Promise<User> {
    return (await db.insert(users).values(row).returning())[0]!;
  },
  async setPassword(db: Executor, workspaceId: string, id: string, passwordHash: string, at: Date): Promise<void> {
    await db.update(users).set({ passwordHash, passwordChangedAt: at }).where(and(eq(users.workspaceId, workspaceId), eq(users.id, id)));
  },
};

export const sessionStore = {
  async insert(db: Executor, row: typeof authSessions.$inferInsert): Promise<void> {
    await db.insert(authSessions).values(row);
  },
  async byTokenHash(db: Executor, tokenHash: string): Promise<{ session: AuthSession; user: User } | undefined> {
    const rows = await db
      .select({ session: authSessions, user: users })
      .from(authSessions)
      .innerJoin(users, and(eq(users.id, authSessions.userId), eq(users.workspaceId, authSessions.workspaceId)))
      .where(eq(authSessions.tokenHash, tokenHash))
      .limit(1);
    return rows[0];
  },
  async revoke(db: Executor, workspaceId: string, id: string, at: Date): Promise<void> {
    await db.update(authSessions).set({ revokedAt: at }).where(and(eq(authSessions.workspaceId, workspaceId), eq(authSessions.id, id)));
  },
  /** Ends every session of a user except one (after a password change). */
  async revokeAllOf(db: Executor, workspaceId: string, userId: string, at: Date, exceptId?: string): Promise<void> {
    const keep = exceptId ? sql`and ${authSessions.id} <> ${exceptId}` : sql``;
    await db.execute(sql`update ${authSessions} set revoked_at = ${at.toISOString()}::timestamptz
      where ${authSessions.workspaceId} = ${workspaceId} and ${authSessions.userId} = ${userId} and revoked_at is null ${keep}`);
  },
};

export const auditStore = {
  async append(db: Executor, row: typeof auditLog.$inferInsert): Promise<void> {
    await db.insert(auditLog).values(row);
  },
  async countSince(db: Executor, workspaceId: string, action: string, targetId: string, since: Date): Promise<number> {
    const rows = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.action, action), eq(auditLog.targetId, targetId), gte(auditLog.at, since)));
    return rows[0]?.n ?? 0;
  },
  async list(db: Executor, workspaceId: string, options: { limit: number; before?: string; action?: string }): Promise<AuditEntry[]> {
    const conditions = [eq(auditLog.workspaceId, workspaceId)];
    if (options.before) conditions.push(lt(auditLog.id, options.before));
    if (options.action) conditions.push(eq(auditLog.action, options.action));
    return db.select().from(auditLog).where(and(...conditions)).orderBy(desc(auditLog.id)).limit(options.limit);
  },
};
