import { and, eq, or, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/index.ts';
import { contacts, customerSessions } from './schema.ts';

export type Contact = typeof contacts.$inferSelect;
export type CustomerSession = typeof customerSessions.$inferSelect;

export const contactStore = {
  async byId(db: Executor, workspaceId: string, id: string): Promise<Contact | undefined> {
    return (await db.select().from(contacts).where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, id))).limit(1))[0];
  },
  /** The returning customer: same email, or same phone, in the same workspace. */
  async byEmailOrPhone(db: Executor, workspaceId: string, email: string | null, phone: string | null): Promise<Contact | undefined> {
    const match = [email ? eq(contacts.email, email) : undefined, phone ? eq(contacts.phone, phone) : undefined].filter((c) => c !== undefined);
    if (match.length === 0) return undefined;
    return (await db.select().from(contacts).where(and(eq(contacts.workspaceId, workspaceId), or(...match))).orderBy(contacts.createdAt).limit(1))[0];
  },
  async insert(db: Executor, row: typeof contacts.$inferInsert): Promise<Contact> {
    return (await db.insert(contacts).values(row).returning())[0]!;
  },
  async update(db: Executor, workspaceId: string, id: string, patch: Partial<typeof contacts.$inferInsert>): Promise<Contact | undefined> {
    return (await db.update(contacts).set(patch).where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, id))).returning())[0];
  },
  /** Fills in what the customer told us this time without erasing what we knew. */
  async remember(db: Executor, workspaceId: string, id: string, known: { name?: string; email?: string; phone?: string; locale?: string }, at: Date): Promise<void> {
    await db.execute(sql`update contacts set
      name = coalesce(${known.name ?? null}, name), email = coalesce(${known.email ?? null}, email),
      phone = coalesce(${known.phone ?? null}, phone), locale = coalesce(${known.locale ?? null}, locale),
      updated_at = ${at.toISOString()}::timestamptz
      where workspace_id = ${workspaceId} and id = ${id}`);
  },
};

export const customerSessionStore = {
  async insert(db: Executor, row: typeof customerSessions.$inferInsert): Promise<void> {
    await db.insert(customerSessions).values(row);
  },
  async byTokenHash(db: Executor, tokenHash: string): Promise<CustomerSession | undefined> {
    return (await db.select().from(customerSessions).where(eq(customerSessions.tokenHash, tokenHash)).limit(1))[0];
  },
};
