import { SendMessageRequest, SocketResume, SocketTyping } from '@lingxi/contracts';
import { isDomainError, type DomainError } from '../../platform/errors.ts';
import type { Principal } from '../../platform/route.ts';
import { receiveCustomerMessage } from './commands/receiveCustomerMessage.ts';
import type { ConversationsDeps } from './deps.ts';
import { customerMessagesAfter } from './queries/readConversation.ts';

/** The part of a connected socket the handlers use: the domain never imports Socket.IO. */
export type SocketPort = { on(event: string, listener: (...args: unknown[]) => void): unknown };
export type Broadcast = { emit(room: string, event: string, data: unknown): void; conversationRoom(id: string): string; workspaceRoom(id: string): string };

function errorBody(error: DomainError) {
  return { error: { code: error.code, message: error.message, hint: error.hint, problems: error.problems ?? [], requestId: '' } };
}

function invalid(problems: { path: string; message: string }[]): DomainError {
  return { kind: 'domain-error', code: 'VALIDATION_FAILED', status: 400, message: `The event has ${problems.length} problem${problems.length === 1 ? '' : 's'}.`, hint: 'Fix every problem listed and send it again.', problems };
}

function parse<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, value: unknown): T | DomainError {
  const result = schema.safeParse(value);
  return result.success ? result.data : invalid(result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })));
}

/** Socket events of a customer (message.send, typing, resume) and an agent (typing), answered through acks. */
export function bindConversationSocket(deps: ConversationsDeps, broadcast: Broadcast, socket: SocketPort, principal: Principal): void {
  const on = (event: string, handle: (payload: unknown) => Promise<unknown>) => {
    socket.on(event, (payload: unknown, ack?: unknown) => {
      void handle(payload).then(
        (result) => {
          if (typeof ack !== 'function') return;
          ack(isDomainError(result) ? errorBody(result) : result);
        },
        () => typeof ack === 'function' && ack({ error: { code: 'INTERNAL', message: 'Something went wrong on our side.', hint: 'Send it again.', problems: [], requestId: '' } }),
      );
    });
  };
  if (principal.kind === 'customer') {
    const scope = { workspaceId: principal.workspaceId, conversationId: principal.conversationId };
    const sender = { ...scope, contactId: principal.contactId };
    on('message.send', async (payload) => {
      const body = parse(SendMessageRequest, payload);
      return isDomainError(body) ? body : receiveCustomerMessage(deps, { ...sender, ...body });
    });
    on('resume', async (payload) => {
      const body = parse(SocketResume, payload ?? { after: null });
      return isDomainError(body) ? body : customerMessagesAfter(deps, { ...scope, after: body.after });
    });
    on('typing', async (payload) => {
      const body = parse(SocketTyping, payload);
      if (isDomainError(body)) return body;
      broadcast.emit(broadcast.workspaceRoom(scope.workspaceId), 'typing', { conversationId: scope.conversationId, author: 'customer', typing: body.typing });
      return { ok: true };
    });
  }
  if (principal.kind === 'user') {
    on('typing', async (payload) => {
      const body = parse(SocketTyping, payload);
      if (isDomainError(body)) return body;
      if (!body.conversationId) return invalid([{ path: 'conversationId', message: 'is required for agents' }]);
      // TODO(#5): check the agent may work on this conversation once routing owns assignment.
      broadcast.emit(broadcast.conversationRoom(body.conversationId), 'typing', { conversationId: body.conversationId, author: 'agent', typing: body.typing });
      return { ok: true };
    });
  }
}
