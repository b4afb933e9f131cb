import type { Subscriber } from '../platform/outbox/index.ts';
import type { Gateway } from '../realtime/gateway.ts';
import { rooms } from '../realtime/gateway.ts';
import type { LiveModels } from '../domains/knowledge/index.ts';
import { runAssignmentRound, type RoutingDeps } from '../domains/routing/index.ts';
import { factEvents, liveEvents, recordFacts, type LiveWall } from '../domains/analytics/index.ts';
import type { Ids } from '../platform/ids.ts';
import { noteOverflow, queueSituation } from '../domains/routing/index.ts';
import type { EventNamed, LingxiEvent } from './catalog.ts';

/** Each node's cached copy of a section of the workspace settings (`bot`, `routing`, `analytics` …), by section name. */
export type SettingsCaches = Readonly<Record<string, { forget(workspaceId: string): void }>>;
export type SubscriberDeps = { gateway: () => Gateway | null; knowledgeModels: LiveModels; routing: RoutingDeps; analytics: { ids: Ids; wall: LiveWall }; settingsCaches: SettingsCaches };

/** The one subscriber list, written out: who reacts to which committed event. */
export function subscribers(deps: SubscriberDeps): Subscriber[] {
  return [
    {
      // A new customer waiting, a freed place, an agent coming online: offer what can be offered.
      name: 'routing.assign',
      delivery: 'once',
      events: ['conversation.handed_off', 'conversation.status_changed', 'agent.presence_changed'],
      async handle(events, tx) {
        for (const workspaceId of new Set(events.map((e) => e.workspaceId!))) await runAssignmentRound(tx, deps.routing, workspaceId);
      },
    },
    {
      name: 'realtime.offers',
      delivery: 'atLeastOnce',
      events: ['conversation.offered', 'agent.presence_changed'],
      async handle(events) {
        const gateway = deps.gateway();
        if (!gateway) return;
        for (const event of events as LingxiEvent[]) {
          if (event.name === 'conversation.offered') gateway.emit(rooms.user(event.payload.agentId), 'conversation.offered', event.payload);
          if (event.name === 'agent.presence_changed') gateway.emit(rooms.workspace(event.workspaceId), 'agent.presence_changed', event.payload);
        }
      },
    },
    {
      name: 'realtime.workspaceFeed',
      delivery: 'atLeastOnce',
      events: ['user.created', 'workspace.created'],
      async handle(events) {
        const gateway = deps.gateway();
        if (!gateway) return;
        for (const event of events as LingxiEvent[]) gateway.emit(rooms.workspace(event.workspaceId), 'workspace.event', { id: event.id, name: event.name, at: event.at, payload: event.payload });
      },
    },
    {
      // Customers see their conversation's messages (never private notes); agents of the workspace see all.
      name: 'realtime.conversationFeed',
      delivery: 'atLeastOnce',
      events: ['message.created', 'conversation.status_changed'],
      async handle(events) {
        const gateway = deps.gateway();
        if (!gateway) return;
        for (const event of events as LingxiEvent[]) {
          if (event.name === 'message.created') {
            const { private: hidden, authorId: _author, ...message } = event.payload.message;
            if (!hidden) gateway.emit(rooms.conversation(event.payload.conversationId), 'message.created', message);
            gateway.emit(rooms.workspace(event.workspaceId), 'message.created', event.payload.message);
          } else if (event.name === 'conversation.status_changed') {
            const p = (event as EventNamed<'conversation.status_changed'>).payload;
            const state = { id: p.conversationId, status: p.to, queuePosition: p.queuePosition, estimatedWaitSeconds: p.estimatedWaitSeconds };
            gateway.emit(rooms.conversation(p.conversationId), 'conversation.updated', state);
            gateway.emit(rooms.workspace(event.workspaceId), 'conversation.updated', { ...state, assigneeId: p.assigneeId });
          }
        }
      },
    },
    {
      // Facts and the per-conversation pre-aggregate, in the dispatcher's transaction (issue 6). Facts are unique
      // per event and only new ones are folded, so a replay changes nothing: no receipt rows needed.
      name: 'analytics.facts',
      delivery: 'idempotent',
      events: factEvents,
      async handle(events, tx) {
        await recordFacts(deps.analytics, events as LingxiEvent[], tx);
      },
    },
    {
      // After the facts: surge checks, then the live wall's throttled push (a failure here must not replay the feeds).
      name: 'analytics.wall',
      delivery: 'atLeastOnce',
      events: liveEvents,
      async handle(events) {
        await deps.analytics.wall.watch(events);
      },
    },
    {
      name: 'realtime.analyticsFeed',
      delivery: 'atLeastOnce',
      events: ['alert.raised', 'knowledge_pack.pushed'],
      async handle(events) {
        const gateway = deps.gateway();
        if (!gateway) return;
        for (const event of events as LingxiEvent[]) {
          if (event.name === 'alert.raised') gateway.emit(rooms.workspace(event.workspaceId), 'analytics.alert', event.payload.alert);
          if (event.name === 'knowledge_pack.pushed') gateway.emit(rooms.workspace(event.workspaceId), 'knowledge.pack', event.payload.pack);
        }
      },
    },
    {
      // The handoff reply already offered a message or a callback; record why, and tell the widget in a structured event.
      name: 'routing.overflow',
      delivery: 'once',
      events: ['conversation.handed_off'],
      async handle(events, tx) {
        for (const event of events as EventNamed<'conversation.handed_off'>[]) {
          await noteOverflow(tx, deps.routing, { workspaceId: event.workspaceId, conversationId: event.payload.conversationId });
        }
      },
    },
    {
      // After the status feed: every waiting customer of a changed queue gets their position and wait in service order.
      name: 'realtime.queueStandings',
      delivery: 'atLeastOnce',
      events: ['conversation.handed_off', 'conversation.status_changed', 'conversation.offered', 'agent.presence_changed'],
      async handle(events) {
        const gateway = deps.gateway();
        if (!gateway) return;
        // Only changes that move the queue: a bot resolving its own conversation does not.
        const moving = (events as LingxiEvent[]).filter((e) => e.name !== 'conversation.status_changed' || e.payload.from === 'queued' || e.payload.to === 'queued' || e.payload.to === 'assigned' || e.payload.from === 'assigned');
        for (const workspaceId of new Set(moving.map((e) => e.workspaceId))) {
          const { standings } = await queueSituation(deps.routing.db.sql, deps.routing, workspaceId, 200);
          for (const s of standings) gateway.emit(rooms.conversation(s.conversationId), 'conversation.updated', { id: s.conversationId, status: 'queued', queuePosition: s.queuePosition, estimatedWaitSeconds: s.estimatedWaitSeconds });
        }
      },
    },
    {
      name: 'realtime.handover',
      delivery: 'atLeastOnce',
      events: ['conversation.overflowed', 'conversation.transferred', 'conversation.reassigned', 'conversation.supervisor_joined', 'conversation.message_left'],
      async handle(events) {
        const gateway = deps.gateway();
        if (!gateway) return;
        for (const event of events as LingxiEvent[]) {
          if (event.name === 'conversation.overflowed') gateway.emit(rooms.conversation(event.payload.conversationId), 'conversation.overflow', event.payload);
          gateway.emit(rooms.workspace(event.workspaceId), event.name, event.payload);
        }
      },
    },
    {
      // A customer's rating, live: the conversation view shows it, the agent who handled it is told (every user socket is in the workspace room).
      name: 'realtime.ratings',
      delivery: 'atLeastOnce',
      events: ['conversation.rated'],
      async handle(events) {
        const gateway = deps.gateway();
        if (!gateway) return;
        for (const event of events as EventNamed<'conversation.rated'>[]) {
          const p = event.payload;
          const notice = { id: event.id, conversationId: p.conversationId, score: p.score, comment: p.comment, assigneeId: p.assigneeId ?? null, ratedAt: new Date(event.at).toISOString() };
          gateway.emit(rooms.workspace(event.workspaceId), 'conversation.rated', notice);
        }
      },
    },
    {
      // Every node drops its cached copy of the section that changed, so the next use anywhere sees the change.
      name: 'settings.refresh',
      delivery: 'everyNode',
      events: ['workspace.settings_changed'],
      async handle(events) {
        for (const event of events as EventNamed<'workspace.settings_changed'>[]) {
          if (Object.hasOwn(deps.settingsCaches, event.payload.section)) deps.settingsCaches[event.payload.section]!.forget(event.workspaceId);
        }
      },
    },
    {
      // The colleague @mentioned in a note is told in their own room; tag changes refresh every inbox.
      name: 'realtime.inbox',
      delivery: 'atLeastOnce',
      events: ['mention.created', 'conversation.tagged', 'conversation.resolved'],
      async handle(events) {
        const gateway = deps.gateway();
        if (!gateway) return;
        for (const event of events as LingxiEvent[]) {
          if (event.name === 'mention.created') gateway.emit(rooms.user(event.payload.userId), 'mention.created', { ...event.payload, id: event.payload.mentionId, createdAt: event.at });
          else gateway.emit(rooms.workspace(event.workspaceId), event.name, event.payload);
        }
      },
    },
    {
      // Import progress bars in the workspace's consoles (clients keep the highest `processed` they saw).
      name: 'realtime.knowledgeImports',
      delivery: 'atLeastOnce',
      events: ['knowledge.import_progressed'],
      async handle(events) {
        const gateway = deps.gateway();
        if (!gateway) return;
        for (const event of events as EventNamed<'knowledge.import_progressed'>[]) gateway.emit(rooms.workspace(event.workspaceId), 'knowledge.import', event.payload);
      },
    },
    {
      // Every node swaps the retrained model in; the node that trained it already has it.
      name: 'knowledge.modelSwap',
      delivery: 'everyNode',
      events: ['knowledge.published'],
      async handle(events) {
        for (const event of events as EventNamed<'knowledge.published'>[]) await deps.knowledgeModels.refresh(event.workspaceId, event.payload.version);
      },
    },
  ];
}
