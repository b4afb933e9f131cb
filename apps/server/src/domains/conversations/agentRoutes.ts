import {
  AgentMessageRequest,
  AgentMessageResponse,
  ConversationDetailResponse,
  ConversationListQuery,
  ConversationListResponse,
  ConversationResponse,
  ConversationTagsRequest,
  IdParams,
  ResolveRequest,
  TagListResponse,
} from '@lingxi/contracts';
import { orThrow } from '../../platform/errors.ts';
import { route } from '../../platform/route.ts';
import { userOf } from '../accounts/index.ts';
import { acceptConversation, sendAgentMessage } from './commands/agentActions.ts';
import { resolveConversation } from './commands/resolveConversation.ts';
import { setConversationTags } from './commands/setTags.ts';
import type { ConversationsDeps } from './deps.ts';
import { inboxRoutes } from './inboxRoutes.ts';
import { presentAgentMessage, presentConversation } from './present.ts';
import { presentChanged } from './queries/conversationView.ts';
import { conversationDetail } from './queries/readConversation.ts';
import { listInbox, tagsInUse, type TeamScope } from './queries/listConversations.ts';

export type AgentRoutesDeps = ConversationsDeps & {
  /** The caller's teammates and the conversations sent to their teams (wired from routing); no teams without it. */
  teamScope?(workspaceId: string, userId: string): Promise<TeamScope>;
};

/** The agent side: the inbox, the conversation, replies and notes, accept and resolve, tags. */
export function agentConversationRoutes(deps: AgentRoutesDeps) {
  const tags = ['conversations'];
  return [
    route({
      method: 'GET', url: '/api/v1/conversations',
      summary: 'The inbox: conversations of your workspace, latest activity first, by view (mine, unassigned, team, all), status, assignee (me, none or a user id), channel, tag, emotion (a minimum level or a list of levels) and q (contact name, email or phone, or message text)',
      tags, policy: 'conversations:read',
      query: ConversationListQuery, response: ConversationListResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        const { assignee, ...filter } = ctx.query;
        const assigneeId = assignee === undefined ? undefined : assignee === 'none' ? null : assignee === 'me' ? user.userId : assignee;
        const teamScope = () => (deps.teamScope ? deps.teamScope(user.workspaceId, user.userId) : Promise.resolve({ memberIds: [], conversationIds: [] }));
        const rows = await listInbox(deps.db.sql, { ...filter, workspaceId: user.workspaceId, userId: user.userId, ...(assigneeId !== undefined ? { assigneeId } : {}) }, teamScope);
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
      method: 'POST', url: '/api/v1/conversations/:id/messages', summary: 'Reply to the customer, or leave a private note (private: true); @name or @email in a note notifies that colleague', tags, policy: 'conversations:reply',
      params: IdParams, body: AgentMessageRequest, status: 201, response: AgentMessageResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        const message = orThrow(await sendAgentMessage(deps, { workspaceId: user.workspaceId, userId: user.userId, conversationId: ctx.params.id, text: ctx.body.text, private: ctx.body.private ?? false, attachments: ctx.body.attachments }));
        ctx.setStatus(201);
        return { message: presentAgentMessage(message) };
      },
    }),
    route({
      method: 'POST', url: '/api/v1/conversations/:id/accept', summary: 'Take a queued conversation: it becomes assigned to you', tags, policy: 'conversations:reply',
      params: IdParams, response: ConversationResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        return { conversation: await presentChanged(deps.db.sql, user.workspaceId, orThrow(await acceptConversation(deps, { workspaceId: user.workspaceId, userId: user.userId, conversationId: ctx.params.id }))) };
      },
    }),
    route({
      method: 'POST', url: '/api/v1/conversations/:id/resolve',
      summary: 'Mark the conversation resolved; optionally with a disposition (GET /api/v1/dispositions), tags (replacing the current ones) and a private note. No body resolves it as it is',
      tags, policy: 'conversations:reply',
      params: IdParams, body: ResolveRequest, response: ConversationResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        return { conversation: await presentChanged(deps.db.sql, user.workspaceId, orThrow(await resolveConversation(deps, { workspaceId: user.workspaceId, userId: user.userId, conversationId: ctx.params.id, ...ctx.body }))) };
      },
    }),
    route({
      method: 'PUT', url: '/api/v1/conversations/:id/tags', summary: 'Replace the conversation’s tags (any conversation that is not closed)', tags, policy: 'conversations:reply',
      params: IdParams, body: ConversationTagsRequest, response: ConversationResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        return { conversation: await presentChanged(deps.db.sql, user.workspaceId, orThrow(await setConversationTags(deps, { workspaceId: user.workspaceId, userId: user.userId, conversationId: ctx.params.id, tags: ctx.body.tags }))) };
      },
    }),
    route({
      method: 'GET', url: '/api/v1/tags', summary: 'Conversation tags in use in your workspace, most used first (what the tag input suggests)', tags, policy: 'conversations:read',
      response: TagListResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        return { tags: await tagsInUse(deps.db.sql, user.workspaceId) };
      },
    }),
    ...inboxRoutes(deps),
  ];
}
