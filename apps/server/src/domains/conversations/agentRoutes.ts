import {
  AgentMessageRequest,
  AgentMessageResponse,
  ConversationDetailResponse,
  ConversationListQuery,
  ConversationListResponse,
  ConversationResponse,
  IdParams,
} from '@lingxi/contracts';
import { orThrow } from '../../platform/errors.ts';
import { route } from '../../platform/route.ts';
import { userOf } from '../accounts/index.ts';
import { acceptConversation, resolveConversation, sendAgentMessage } from './commands/agentActions.ts';
import type { ConversationsDeps } from './deps.ts';
import { presentAgentMessage, presentConversation } from './present.ts';
import { conversationDetail } from './queries/readConversation.ts';
import { conversationStore } from './store.ts';

/** The agent side that the conversation model makes cheap; routing (offers, presence) is another issue. */
export function agentConversationRoutes(deps: ConversationsDeps) {
  const tags = ['conversations'];
  return [
    route({
      method: 'GET', url: '/api/v1/conversations', summary: 'Conversations of your workspace by status and assignee (me, none or a user id), latest activity first', tags, policy: 'conversations:read',
      query: ConversationListQuery, response: ConversationListResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        const { status, assignee, limit } = ctx.query;
        const assigneeId = assignee === undefined ? undefined : assignee === 'none' ? null : assignee === 'me' ? user.userId : assignee;
        const rows = await conversationStore.list(deps.db.sql, user.workspaceId, { ...(status ? { status } : {}), ...(assigneeId !== undefined ? { assigneeId } : {}) }, limit);
        return { conversations: rows.map((c) => presentConversation(c)) };
      },
    }),
    route({
      method: 'GET', url: '/api/v1/conversations/:id', summary: 'A conversation with its customer, messages (private notes included) and handoff package', tags, policy: 'conversations:read',
      params: IdParams, response: ConversationDetailResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        return orThrow(await conversationDetail(deps, { workspaceId: user.workspaceId, conversationId: ctx.params.id })) as never;
      },
    }),
    route({
      method: 'POST', url: '/api/v1/conversations/:id/messages', summary: 'Reply to the customer, or leave a private note (private: true)', tags, policy: 'conversations:reply',
      params: IdParams, body: AgentMessageRequest, status: 201, response: AgentMessageResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        const message = orThrow(await sendAgentMessage(deps, { workspaceId: user.workspaceId, userId: user.userId, conversationId: ctx.params.id, text: ctx.body.text, private: ctx.body.private ?? false }));
        ctx.setStatus(201);
        return { message: presentAgentMessage(message) };
      },
    }),
    route({
      method: 'POST', url: '/api/v1/conversations/:id/accept', summary: 'Take a queued conversation: it becomes assigned to you', tags, policy: 'conversations:reply',
      params: IdParams, response: ConversationResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        return { conversation: presentConversation(orThrow(await acceptConversation(deps, { workspaceId: user.workspaceId, userId: user.userId, conversationId: ctx.params.id }))) };
      },
    }),
    route({
      method: 'POST', url: '/api/v1/conversations/:id/resolve', summary: 'Mark the conversation resolved', tags, policy: 'conversations:reply',
      params: IdParams, response: ConversationResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        return { conversation: presentConversation(orThrow(await resolveConversation(deps, { workspaceId: user.workspaceId, userId: user.userId, conversationId: ctx.params.id }))) };
      },
    }),
  ];
}
