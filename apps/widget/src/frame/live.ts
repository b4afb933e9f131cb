// The realtime link: Socket.IO with reconnection; every (re)connect asks for what was missed since the last seen message.
import { io } from 'socket.io-client';
import { ConversationState, MessageList, TypingEvent, WireMessage } from './wire.ts';

export type LiveHandlers = {
  message(message: WireMessage): void;
  conversation(state: ConversationState): void;
  typing(author: 'agent' | 'bot', typing: boolean): void;
  backfill(messages: WireMessage[]): void;
  status(status: 'connected' | 'reconnecting'): void;
};

export type Live = { typing(typing: boolean): void; close(): void };
export type ConnectLive = (input: { token: string; lastSeenId(): string | null; handlers: LiveHandlers }) => Live;

export function socketLive(baseUrl: string): ConnectLive {
  return ({ token, lastSeenId, handlers }) => {
    const socket = io(baseUrl, { path: '/socket.io', auth: { token }, reconnectionDelay: 500, reconnectionDelayMax: 8000 });
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
    socket.on('typing', (data: unknown) => {
      const parsed = TypingEvent.safeParse(data);
      if (parsed.success && (parsed.data.author === 'agent' || parsed.data.author === 'bot')) handlers.typing(parsed.data.author, parsed.data.typing);
    });
    return {
      typing: (typing) => {
        if (socket.connected) socket.volatile.emit('typing', { typing });
      },
      close: () => socket.disconnect(),
    };
  };
}
