import type { Subscriber } from '../platform/outbox/index.ts';
import type { Gateway } from '../realtime/gateway.ts';
import { rooms } from '../realtime/gateway.ts';
import type { LingxiEvent } from './catalog.ts';

export type SubscriberDeps = { gateway: () => Gateway | null };

/** The one subscriber list, written out: who reacts to which committed event. */
export function subscribers(deps: SubscriberDeps): Subscriber[] {
  return [
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
  ];
}
