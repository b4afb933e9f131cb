import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/index.ts';
import { contactStore } from '../../contacts/index.ts';
import { conversationStore } from '../store.ts';

/** What agent assist and canned responses read of a conversation: who, in which language, and what the customer said lately. */
export type AssistContext = {
  conversationId: string;
  status: string;
  assigneeId: string | null;
  locale: string | null;
  contact: { name: string | null; email: string | null; phone: string | null };
  /** Newest first, at most 20; messages that are only attachments are left out (no words to suggest from). */
  customerMessages: Array<{ id: string; text: string }>;
};

export async function assistContext(db: Executor, workspaceId: string, conversationId: string): Promise<AssistContext | null> {
  const conversation = await conversationStore.byId(db, workspaceId, conversationId);
  if (!conversation) return null;
  const [contact, rows] = [
    await contactStore.byId(db, workspaceId, conversation.contactId),
    await db.execute<{ id: string; text: string }>(sql`
      select id, text from messages
      where workspace_id = ${workspaceId} and conversation_id = ${conversationId} and author = 'customer' and text <> ''
      order by seq desc limit 20`),
  ];
  return {
    conversationId,
    status: conversation.status,
    assigneeId: conversation.assigneeId,
    locale: conversation.locale ?? contact?.locale ?? null,
    contact: { name: contact?.name ?? null, email: contact?.email ?? null, phone: contact?.phone ?? null },
    customerMessages: rows.rows,
  };
}
