import type { MentionView } from '@lingxi/contracts';
import type { Executor } from '../../../platform/db/index.ts';
import { userStore } from '../../accounts/index.ts';
import { mentionStore, type Mention } from '../mentionStore.ts';

function presentMention(m: Mention, names: Map<string, string>): MentionView {
  return {
    id: m.id,
    conversationId: m.conversationId,
    messageId: m.messageId,
    authorId: m.authorId,
    authorName: m.authorId ? (names.get(m.authorId) ?? null) : null,
    excerpt: m.excerpt,
    createdAt: m.createdAt.toISOString(),
    readAt: m.readAt?.toISOString() ?? null,
  };
}

/** The caller's mentions, unread first, with how many are unread in all. */
export async function myMentions(db: Executor, input: { workspaceId: string; userId: string; unreadOnly: boolean; limit: number }) {
  const [rows, unread, users] = await Promise.all([
    mentionStore.listFor(db, input.workspaceId, input.userId, { unreadOnly: input.unreadOnly, limit: input.limit }),
    mentionStore.unreadCount(db, input.workspaceId, input.userId),
    userStore.list(db, input.workspaceId),
  ]);
  const names = new Map(users.map((u) => [u.id, u.name]));
  return { mentions: rows.map((m) => presentMention(m, names)), unread };
}
