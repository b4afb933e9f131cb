// The realtime link: Socket.IO with reconnection; every (re)connect asks for what was missed since the last seen message.
import type { Socket } from 'socket.io-client';
import { ConversationState, MessageList, OverflowNotice, TypingEvent, WireMessage } from './wire.ts';

export type LiveHandlers = {
  message(message: WireMessage): void;
  conversation(state: ConversationState): void;
  typing(author: 'agent' | 'bot', typing: boolean): void;
  backfill(messages: WireMessage[]): void;
  status(status: 'connected' | 'reconnecting'): void;
  overflow(notice: OverflowNotice): void;
};

export type Live = { typing(typing: boolean): void; close(): void };
export type ConnectLive = (input: { token: string; lastSeenId(): string | null; handlers: LiveHandlers }) => Live;

/** Socket.IO is loaded on first need (a session exists), so a visitor who only reads the greeting never downloads it. */
export function socketLive(baseUrl: string): ConnectLive {
  return (input) => {
    let socket: Socket | null = null;
    let closed = false;
    void import('socket.io-client').then(
      ({ io }) => {
        if (closed) return;
        socket = io(baseUrl, { path: '/socket.io', auth: { token: input.token }, reconnectionDelay: 500, reconnectionDelayMax: 8000 });
        listen(socket, input);
      },
      () => input.handlers.status('reconnecting'),
    );
    return {
      typing: (typing) => {
        if (socket?.connected) socket.volatile.emit('typing', { typing });
      },
      close: () => {
        closed = true;
        socket?.disconnect();
      },
    };
  };
}

function listen(socket: Socket, { lastSeenId, handlers }: { lastSeenId(): string | null; handlers: LiveHandlers }): void {
  socket.on('connect', () => {
    handlers.status('connected');
    socket.timeout(8000).emit('resume', { after: lastSeenId() }, (error: unknown, answer: unknown) => {
      if (error) return; // the next reconnect asks again
      const parsed = MessageList.safeParse(answer);
      if (parsed.success) handlers.backfill(parsed.data.messages);
    });
  });
  socket.on('disconnect', (reason) => {
    if (reason !== 'io client disconnect') handlers.status('reconnecting');
  });
  socket.on('connect_error', () => handlers.status('reconnecting'));
  socket.on('message.created', (data: unknown) => {
    const parsed = WireMessage.safeParse(data);
    if (parsed.success) handlers.message(parsed.data);
  });
  socket.on('conversation.updated', (data: unknown) => {
    const parsed = ConversationState.safeParse(data);
    if (parsed.success) handlers.conversation(parsed.data);
  });
  socket.on('conversation.overflow', (data: unknown) => {
    const parsed = OverflowNotice.safeParse(data);
    if (parsed.success) handlers.overflow(parsed.data);
  });
  socket.on('typing', (data: unknown) => {
    const parsed = TypingEvent.safeParse(data);
    if (parsed.success && (parsed.data.author === 'agent' || parsed.data.author === 'bot')) handlers.typing(parsed.data.author, parsed.data.typing);
  });
}
