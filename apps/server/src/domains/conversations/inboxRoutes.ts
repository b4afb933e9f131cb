import { DispositionListResponse, DispositionSettingsRequest, MentionablePeopleResponse, MentionListQuery, MentionListResponse, MentionReadRequest, MentionReadResponse } from '@lingxi/contracts';
import { orThrow } from '../../platform/errors.ts';
import { route } from '../../platform/route.ts';
import { actorOf, userOf } from '../accounts/index.ts';
import { mentionablePeople } from './commands/recordMentions.ts';
import type { ConversationsDeps } from './deps.ts';
import { updateDispositions } from './commands/updateDispositions.ts';
import { readDispositions } from './dispositions.ts';
import { mentionStore } from './mentionStore.ts';
import { myMentions } from './queries/mentions.ts';

/** Dispositions (how conversations end) and the @mentions an agent has been sent. */
export function inboxRoutes(deps: ConversationsDeps) {
  return [
    route({
      method: 'GET', url: '/api/v1/dispositions', summary: 'How a conversation can end in your workspace (keys with zh-CN and en-US labels), for resolving', tags: ['conversations'], policy: 'conversations:read',
      response: DispositionListResponse,
      async handler(ctx) {
        return { dispositions: await readDispositions(deps.db.sql, userOf(ctx.principal).workspaceId) };
      },
    }),
    route({
      method: 'PUT', url: '/api/v1/settings/dispositions', summary: 'Replace the workspace’s dispositions (conversations keep the key they were resolved with); audited', tags: ['settings'], policy: 'settings:manage',
      body: DispositionSettingsRequest, response: DispositionListResponse,
      async handler(ctx) {
        const dispositions = orThrow(await updateDispositions(deps, { workspaceId: userOf(ctx.principal).workspaceId, actor: actorOf(ctx), dispositions: ctx.body.dispositions }));
        return { dispositions };
      },
    }),
    route({
      method: 'GET', url: '/api/v1/mentions/people', summary: 'Colleagues who can be @mentioned in a private note (name and email)', tags: ['mentions'], policy: 'conversations:reply',
      response: MentionablePeopleResponse,
      async handler(ctx) {
        return { people: await mentionablePeople(deps.db.sql, userOf(ctx.principal).workspaceId) };
      },
    }),
    route({
      method: 'GET', url: '/api/v1/mentions', summary: 'Notes that @mention you, unread first, with the unread count', tags: ['mentions'], policy: 'conversations:read',
      query: MentionListQuery, response: MentionListResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        return myMentions(deps.db.sql, { workspaceId: user.workspaceId, userId: user.userId, unreadOnly: ctx.query.unread === 'true', limit: ctx.query.limit });
      },
    }),
    route({
      method: 'POST', url: '/api/v1/mentions/read', summary: 'Mark mentions of you read: the given ids, or all of them ({all: true})', tags: ['mentions'], policy: 'conversations:read',
      body: MentionReadRequest, response: MentionReadResponse,
      async handler(ctx) {
        const user = userOf(ctx.principal);
        await mentionStore.markRead(deps.db.sql, user.workspaceId, user.userId, ctx.body.all ? null : (ctx.body.ids ?? []), deps.clock.now());
        return { unread: await mentionStore.unreadCount(deps.db.sql, user.workspaceId, user.userId) };
      },
    }),
  ];
}
