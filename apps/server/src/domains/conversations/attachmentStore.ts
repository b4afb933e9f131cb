import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/index.ts';
import { attachments } from './schema.ts';

export type Attachment = typeof attachments.$inferSelect;
/** What a message keeps of each attachment (in its meta), enough to present it without a join. */
export type AttachmentSummary = { id: string; name: string; contentType: string; size: number };

export const summaryOf = (a: Attachment): AttachmentSummary => ({ id: a.id, name: a.name, contentType: a.contentType, size: a.size });

export const attachmentStore = {
  async insert(db: Executor, row: typeof attachments.$inferInsert): Promise<Attachment> {
    return (await db.insert(attachments).values(row).returning())[0]!;
  },
  async byId(db: Executor, workspaceId: string, id: string): Promise<Attachment | undefined> {
    return (await db.select().from(attachments).where(and(eq(attachments.workspaceId, workspaceId), eq(attachments.id, id))).limit(1))[0];
  },
  /** The attachments a new message wants, locked until its transaction ends (two messages cannot take the same one). */
  async lockForMessage(db: Executor, workspaceId: string, conversationId: string, ids: string[]): Promise<Attachment[]> {
    return db.select().from(attachments).where(and(eq(attachments.workspaceId, workspaceId), eq(attachments.conversationId, conversationId), inArray(attachments.id, ids))).for('update');
  },
  async link(db: Executor, workspaceId: string, ids: string[], messageId: string): Promise<void> {
    await db.update(attachments).set({ messageId }).where(and(eq(attachments.workspaceId, workspaceId), inArray(attachments.id, ids), isNull(attachments.messageId)));
  },
  /** What the customer has sent in this conversation (on messages, oldest first): the handoff package names them. */
  async sentByCustomer(db: Executor, workspaceId: string, conversationId: string): Promise<AttachmentSummary[]> {
    return db
      .select({ id: attachments.id, name: attachments.name, contentType: attachments.contentType, size: attachments.size })
      .from(attachments)
      .where(and(eq(attachments.workspaceId, workspaceId), eq(attachments.conversationId, conversationId), eq(attachments.uploaderKind, 'customer'), isNotNull(attachments.messageId)))
      .orderBy(asc(attachments.createdAt));
  },
  async countInConversation(db: Executor, workspaceId: string, conversationId: string): Promise<number> {
    const rows = await db.execute<{ n: number }>(sql`select count(*)::int as n from attachments where workspace_id = ${workspaceId} and conversation_id = ${conversationId}`);
    return rows.rows[0]?.n ?? 0;
  },
  /** Maintenance across workspaces: unsent uploads older than the cutoff, removed in batches; returns where their bytes are. */
  async deleteUnsentBefore(db: Executor, cutoff: Date, limit: number): Promise<string[]> {
    const rows = await db.execute<{ storage_key: string }>(sql`
      delete from attachments where id in (
        select id from attachments where message_id is null and created_at < ${cutoff.toISOString()}::timestamptz order by created_at limit ${limit}
      ) returning storage_key`);
    return rows.rows.map((r) => r.storage_key);
  },
  /** Whether the message an attachment is on is a private note (customers never see those). */
  async onPrivateMessage(db: Executor, workspaceId: string, messageId: string): Promise<boolean> {
    const rows = await db.execute<{ private: boolean }>(sql`select private from messages where workspace_id = ${workspaceId} and id = ${messageId}`);
    return rows.rows[0]?.private ?? true;
  },
};
