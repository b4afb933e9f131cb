import { z } from 'zod';
import { AgentMessageResponse, ConversationResponse, HandoffResponse, IdParams, LeaveMessageRequest, ReassignRequest, TransferRequest, WhisperRequest, AgentMessageView, ConversationView } from '@lingxi/contracts';
import { orThrow } from '../../platform/errors.ts';
import { route } from '../../platform/route.ts';
import { can, userOf } from '../accounts/index.ts';
import type { TransferTarget } from '../routing/index.ts';
import { leaveMessage } from './commands/leaveMessage.ts';
import { joinConversation, reassignConversation, whisper } from './commands/supervise.ts';
import { transferConversation, type HandoverDeps } from './commands/transfer.ts';
import type { ConversationsDeps } from './deps.ts';
import { presentAgentMessage } from './present.ts';
import { presentChanged } from './queries/conversationView.ts';
import { customerOf } from './routes.ts';

/** Transfer, supervisor reassign / join / whisper (issue 5). */
export function handoverRoutes(deps: HandoverDeps) {
  const tags = ['conversations'];
  return [
    route({
      method: 'POST', url: '/api/v1/conversations/:id/transfer', summary: 'Transfer to a colleague (offered to them) or a team (back to the queue for its members), with a private note', tags, policy: 'conversations:reply',
      params: IdParams, body: TransferRequest, response: ConversationResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        const target = (ctx.body.toTeamId ? { toTeamId: ctx.body.toTeamId } : { toAgentId: ctx.body.toAgentId! }) as TransferTarget;
        const conversation = orThrow(
          await transferConversation(deps, { workspaceId: user.workspaceId, userId: user.userId, canSupervise: can(user.role as never, 'conversations:supervise'), conversationId: ctx.params.id, target, note: ctx.body.note ?? null }),
        );
        return { conversation: await presentChanged(deps.db.sql, user.workspaceId, conversation) };
      },
    }),
    route({
      method: 'POST', url: '/api/v1/conversations/:id/reassign', summary: 'Give the conversation to a chosen agent (supervisors)', tags, policy: 'conversations:supervise',
      params: IdParams, body: ReassignRequest, response: ConversationResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        return { conversation: await presentChanged(deps.db.sql, user.workspaceId, orThrow(await reassignConversation(deps, { workspaceId: user.workspaceId, userId: user.userId, conversationId: ctx.params.id, agentId: ctx.body.agentId }))) };
      },
    }),
    route({
      method: 'POST', url: '/api/v1/conversations/:id/join', summary: 'Join someone else’s conversation so you can reply there too (supervisors); everyone is told', tags, policy: 'conversations:supervise',
      params: IdParams, response: z.object({ conversation: ConversationView, message: AgentMessageView.nullable() }),
      async handler(ctx) {
        const user = userOf(ctx.principal);
        const joined = orThrow(await joinConversation(deps, { workspaceId: user.workspaceId, userId: user.userId, conversationId: ctx.params.id }));
        return { conversation: await presentChanged(deps.db.sql, user.workspaceId, joined.conversation), message: joined.message ? presentAgentMessage(joined.message) : null };
      },
    }),
    route({
      method: 'POST', url: '/api/v1/conversations/:id/whisper', summary: 'A private note to the agent on any conversation (supervisors); the customer never sees it', tags, policy: 'conversations:supervise',
      params: IdParams, body: WhisperRequest, status: 201, response: AgentMessageResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        const message = orThrow(await whisper(deps, { workspaceId: user.workspaceId, userId: user.userId, conversationId: ctx.params.id, text: ctx.body.text }));
        ctx.setStatus(201);
        return { message: presentAgentMessage(message) };
      },
    }),
  ];
}

/** The customer leaves a message (and a callback time) instead of waiting. */
export function leaveMessageRoutes(deps: ConversationsDeps) {
  return [
    route({
      method: 'POST', url: '/api/public/v1/conversation/leave-message', summary: 'Leave a message (and how and when to call back) instead of waiting: the conversation becomes pending, a follow-up for agents', tags: ['customer'], policy: 'customer',
      body: LeaveMessageRequest, response: HandoffResponse,
      async handler(ctx) {
        const customer = customerOf(ctx.principal);
        return orThrow(await leaveMessage(deps, { workspaceId: customer.workspaceId, conversationId: customer.conversationId, ...ctx.body }));
      },
    }),
  ];
}
