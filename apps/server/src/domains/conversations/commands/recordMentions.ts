import type { Executor } from '../../../platform/db/index.ts';
import type { Clock } from '../../../platform/clock.ts';
import type { Ids } from '../../../platform/ids.ts';
import { emit } from '../../../events/catalog.ts';
import { userStore } from '../../accounts/index.ts';
import { mentionExcerpt, mentionedUserIds, type Mentionable } from '../mentions.ts';
import { mentionStore } from '../mentionStore.ts';
import type { Message } from '../store.ts';

/** The colleagues who can be @mentioned: active users of the workspace. */
export async function mentionablePeople(db: Executor, workspaceId: string): Promise<Mentionable[]> {
  const users = await userStore.list(db, workspaceId);
  return users.filter((u) => !u.disabledAt).map((u) => ({ id: u.id, name: u.name, email: u.email }));
}

/** Who a private note mentions, resolved to user ids before it is stored (they go on the message). */
export async function mentionsForNote(db: Executor, workspaceId: string, text: string): Promise<string[]> {
  if (!text.includes('@')) return [];
  return mentionedUserIds(text, await mentionablePeople(db, workspaceId));
}

/** Puts the note on each mentioned colleague's list and tells them (mention.created); the author is not told about themself. */
export async function recordMentions(tx: Executor, deps: { ids: Ids; clock: Clock }, note: Message, userIds: readonly string[]): Promise<void> {
  const authorId = note.authorId;
  const excerpt = mentionExcerpt(note.text);
  const rows = userIds
    .filter((id) => id !== authorId)
    .map((userId) => ({ id: deps.ids.next(), workspaceId: note.workspaceId, userId, conversationId: note.conversationId, messageId: note.id, authorId, excerpt, createdAt: deps.clock.now() }));
  const stored = await mentionStore.insertMany(tx, rows);
  if (stored.length === 0 || !authorId) return;
  await emit(
    tx,
    deps,
    ...stored.map((m) => ({ name: 'mention.created' as const, workspaceId: m.workspaceId, payload: { mentionId: m.id, userId: m.userId, conversationId: m.conversationId, messageId: m.messageId, authorId, excerpt: m.excerpt } })),
  );
}
