import { NpsRequest, NpsSummary, NpsSummaryQuery } from '@lingxi/contracts';
import { z } from 'zod';
import { orThrow } from '../../platform/errors.ts';
import { route } from '../../platform/route.ts';
import { userOf } from '../accounts/index.ts';
import { customerOf } from '../conversations/index.ts';
import { recordNps, type FeedbackDeps } from './commands/recordNps.ts';
import { npsSummary } from './queries/npsSummary.ts';

/** Net Promoter Score: the customer's answer (widget, after CSAT) and the workspace's score over a period. */
export function feedbackRoutes(deps: FeedbackDeps) {
  return [
    route({
      method: 'POST', url: '/api/public/v1/conversation/nps', summary: 'How likely the customer is to recommend you, 0–10, once per conversation (asked after the CSAT rating)', tags: ['customer'], policy: 'customer',
      body: NpsRequest, response: z.object({ ok: z.literal(true) }),
      async handler(ctx) {
        const customer = customerOf(ctx.principal);
        return orThrow(await recordNps(deps, { workspaceId: customer.workspaceId, conversationId: customer.conversationId, contactId: customer.contactId, ...ctx.body }));
      },
    }),
    route({
      method: 'GET', url: '/api/v1/feedback/nps', summary: 'Net Promoter Score over [from, to): promoters (9–10), passives (7–8), detractors (0–6) and the latest comments', tags: ['analytics'], policy: 'analytics:read',
      query: NpsSummaryQuery, response: NpsSummary,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        return npsSummary(deps.db.sql, { workspaceId: user.workspaceId, from: new Date(ctx.query.from), to: new Date(ctx.query.to) });
      },
    }),
  ];
}
