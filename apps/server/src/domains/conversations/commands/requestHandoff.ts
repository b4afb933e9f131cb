import type { ReplyView, ConversationState } from '@lingxi/contracts';
import type { DomainError } from '../../../platform/errors.ts';
import { contactStore } from '../../contacts/index.ts';
import type { ConversationsDeps } from '../deps.ts';
import { conversationErrors } from '../errors.ts';
import { presentReply, presentState } from '../present.ts';
import { conversationStore } from '../store.ts';
import { runBotTurn } from './botTurn.ts';

/** The "talk to a person" button: the same as typing 转人工. Pressing it again changes nothing. */
export async function requestHandoff(deps: ConversationsDeps, input: { workspaceId: string; conversationId: string }): Promise<(ConversationState & { replies: ReplyView[] }) | DomainError> {
  const conversation = await conversationStore.byId(deps.db.sql, input.workspaceId, input.conversationId);
  if (!conversation) return conversationErrors.notFound(input.conversationId);
  if (conversation.status === 'closed') return conversationErrors.closed();
  if (conversation.status !== 'bot') {
    const ahead = conversation.status === 'queued' ? await conversationStore.queueAhead(deps.db.sql, input.workspaceId, conversation) : null;
    return { ...presentState(conversation.id, conversation.status, ahead, deps.secondsPerQueuedConversation), replies: [] };
  }
  const contact = await contactStore.byId(deps.db.sql, input.workspaceId, conversation.contactId);
  const turn = await runBotTurn(
    deps,
    { workspaceId: input.workspaceId, conversationId: conversation.id, status: conversation.status, contactId: conversation.contactId, botState: conversation.botState, locale: conversation.locale, humanOnly: contact?.humanOnly ?? false, vip: contact?.vip ?? false },
    null,
    'explicit',
  );
  return { ...presentState(conversation.id, turn.status, turn.queueAhead, deps.secondsPerQueuedConversation), replies: turn.replies.map(presentReply) };
}
