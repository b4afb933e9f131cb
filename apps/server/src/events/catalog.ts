import type { Clock } from '../platform/clock.ts';
import type { Executor } from '../platform/db/index.ts';
import type { Ids } from '../platform/ids.ts';
import { appendToOutbox } from '../platform/outbox/index.ts';

// The typed event union: every event is past tense and carries its workspace. Domains append them with their writes.
type EventOf<N extends string, P> = { id: string; name: N; workspaceId: string; at: Date; payload: P };

export type WorkspaceCreated = EventOf<'workspace.created', { slug: string; name: string }>;
export type UserCreated = EventOf<'user.created', { userId: string; role: string; email: string }>;
export type UserPasswordChanged = EventOf<'user.password_changed', { userId: string; by: string | null }>;
export type UserLoggedIn = EventOf<'user.logged_in', { userId: string; sessionId: string }>;

export type LingxiEvent = WorkspaceCreated | UserCreated | UserPasswordChanged | UserLoggedIn;
export type EventName = LingxiEvent['name'];
export type EventNamed<N extends EventName> = Extract<LingxiEvent, { name: N }>;
export type NewEvent = { [N in EventName]: Omit<EventNamed<N>, 'id' | 'at'> }[EventName];

/** Appends events to the outbox in the caller's transaction; they are delivered after it commits. */
export async function emit(tx: Executor, deps: { ids: Ids; clock: Clock }, ...events: NewEvent[]): Promise<LingxiEvent[]> {
  const at = deps.clock.now();
  const full = events.map((e) => ({ ...e, id: deps.ids.next(), at }) as LingxiEvent);
  await appendToOutbox(tx, full);
  return full;
}
