import { z } from 'zod';
import {
  CsatRequest,
  FeedbackRequest,
  HandoffResponse,
  IdParams,
  MessagesQuery,
  MessagesResponse,
  OkResponse,
  ConversationState,
  SendMessageRequest,
  SendMessageResponse,
  SessionRequest,
  SessionResponse,
  WidgetConfigQuery,
  WidgetConfigResponse,
} from '@lingxi/contracts';
import type { Clock } from '../../platform/clock.ts';
import { DomainFailure, orThrow } from '../../platform/errors.ts';
import { route, type Principal } from '../../platform/route.ts';
import type { LiveModels } from '../knowledge/index.ts';
import { rateAnswer, rateConversation } from './commands/rate.ts';
import { receiveCustomerMessage } from './commands/receiveCustomerMessage.ts';
import { requestHandoff } from './commands/requestHandoff.ts';
import { startSession } from './commands/startSession.ts';
import type { ConversationsDeps } from './deps.ts';
import { conversationErrors } from './errors.ts';
import { conversationState, customerMessagesAfter } from './queries/readConversation.ts';
import { widgetConfig } from './queries/widgetConfig.ts';

export type CustomerPrincipal = Extract<Principal, { kind: 'customer' }>;

export function customerOf(principal: Principal): CustomerPrincipal {
  if (principal.kind !== 'customer') throw new DomainFailure(conversationErrors.sessionUnknown());
  return principal;
}

/** The customer side (widget and app integrations): CONTRACT.md and the agreed public surface. */
export function publicConversationRoutes(deps: ConversationsDeps & { models: LiveModels; clock: Clock; defaultWorkspace: string; attachmentMaxBytes?: number }) {
  const tags = ['customer'];
  return [
    route({
      method: 'POST', url: '/api/public/v1/sessions', summary: 'Start (or resume) a customer session: returns a cs_ token for the other customer routes and the socket', tags, policy: 'public',
      body: SessionRequest, status: 201, response: SessionResponse,
      async handler(ctx) {
        const { workspace, ...rest } = ctx.body;
        const session = orThrow(await startSession(deps, { ...rest, workspace: workspace ?? deps.defaultWorkspace }));
        ctx.setStatus(201);
        return session;
      },
    }),
    route({
      method: 'POST', url: '/api/public/v1/messages', summary: 'Send a message; the bot’s replies come back in `replies` (and over the socket). A repeated clientMessageId returns the first result', tags, policy: 'customer',
      body: SendMessageRequest, response: SendMessageResponse,
      async handler(ctx) {
        const customer = customerOf(ctx.principal);
        return orThrow(await receiveCustomerMessage(deps, { workspaceId: customer.workspaceId, conversationId: customer.conversationId, contactId: customer.contactId, ...ctx.body }));
      },
    }),
    route({
      method: 'GET', url: '/api/public/v1/messages', summary: 'Messages after a message id (or all), in order', tags, policy: 'customer',
      query: MessagesQuery, response: MessagesResponse,
      async handler(ctx) {
        const customer = customerOf(ctx.principal);
        return orThrow(await customerMessagesAfter(deps, { workspaceId: customer.workspaceId, conversationId: customer.conversationId, after: ctx.query.after ?? null }));
      },
    }),
    route({
      method: 'GET', url: '/api/public/v1/conversation', summary: 'The conversation’s status and queue position', tags, policy: 'customer', response: ConversationState,
      async handler(ctx) {
        const customer = customerOf(ctx.principal);
        return orThrow(await conversationState(deps, { workspaceId: customer.workspaceId, conversationId: customer.conversationId }));
      },
    }),
    route({
      method: 'POST', url: '/api/public/v1/conversation/handoff', summary: 'Talk to a person (the same as typing 转人工)', tags, policy: 'customer',
      body: z.object({}), response: HandoffResponse,
      async handler(ctx) {
        const customer = customerOf(ctx.principal);
        return orThrow(await requestHandoff(deps, { workspaceId: customer.workspaceId, conversationId: customer.conversationId }));
      },
    }),
    route({
      method: 'POST', url: '/api/public/v1/messages/:id/feedback', summary: 'Was this bot answer helpful?', tags, policy: 'customer',
      params: IdParams, body: FeedbackRequest, response: OkResponse,
      async handler(ctx) {
        const customer = customerOf(ctx.principal);
        return orThrow(await rateAnswer(deps, { workspaceId: customer.workspaceId, conversationId: customer.conversationId, messageId: ctx.params.id, helpful: ctx.body.helpful }));
      },
    }),
    route({
      method: 'POST', url: '/api/public/v1/conversation/csat', summary: 'Rate the conversation 1–5 once it is resolved', tags, policy: 'customer',
      body: CsatRequest, response: OkResponse,
      async handler(ctx) {
        const customer = customerOf(ctx.principal);
        return orThrow(await rateConversation(deps, { workspaceId: customer.workspaceId, conversationId: customer.conversationId, ...ctx.body }));
      },
    }),
    route({
      method: 'GET', url: '/api/public/v1/widget-config', summary: 'Greeting, suggested questions (猜你想问), pre-chat form and theme of a workspace’s widget', tags, policy: 'public',
      query: WidgetConfigQuery, response: WidgetConfigResponse,
      async handler(ctx) {
        const config = orThrow(await widgetConfig(deps, ctx.query.workspace ?? deps.defaultWorkspace));
        return deps.attachmentMaxBytes ? { ...config, attachments: { maxBytes: deps.attachmentMaxBytes } } : config;
      },
    }),
  ];
}
