import type { ConversationView } from '@lingxi/contracts';
import type { Executor } from '../../../platform/db/index.ts';
import { presentConversation } from '../present.ts';
import { conversationStore, type Conversation } from '../store.ts';

/** What a route answers after a command changed a conversation: presented like the inbox and the detail show it (with the contact's name). */
export async function presentChanged(db: Executor, workspaceId: string, conversation: Conversation): Promise<ConversationView> {
  return presentConversation(await conversationStore.withContactName(db, workspaceId, conversation));
}
