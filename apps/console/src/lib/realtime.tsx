import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Socket } from 'socket.io-client';

// One Socket.IO connection per signed-in tab; screens subscribe to the events they show.

type Listener = (payload: unknown) => void;
type RealtimeValue = { connected: boolean; subscribe(event: string, listener: Listener): () => void };

const RealtimeContext = createContext<RealtimeValue | null>(null);

/** The handshake refuses a token with "CODE: message"; these codes mean the login is over. */
const SESSION_OVER = /^(AUTH_SESSION_EXPIRED|AUTH_REQUIRED|USER_DISABLED):\s*(.*)$/;

export function RealtimeProvider({ token, onSessionOver, children }: { token: string; onSessionOver(code: string, message: string): void; children: ReactNode }) {
  const onSessionOverRef = useRef(onSessionOver);
  onSessionOverRef.current = onSessionOver;
  const [connected, setConnected] = useState(false);
  const listeners = useRef(new Map<string, Set<Listener>>());
  const socketRef = useRef<Socket | null>(null);

  useEffect(() => {
    let cancelled = false;
    let socket: Socket | null = null;
    // Loaded on demand so the login page does not pay for the socket client.
    void import('socket.io-client').then(({ io }) => {
      if (cancelled) return;
      socket = io({ path: '/socket.io', auth: { token }, transports: ['websocket', 'polling'] });
      socketRef.current = socket;
      socket.on('connect', () => setConnected(true));
      socket.on('disconnect', () => setConnected(false));
      socket.on('connect_error', (error: Error) => {
        const over = SESSION_OVER.exec(error.message);
        if (over) onSessionOverRef.current(over[1]!, over[2] ?? '');
      });
      socket.onAny((event: string, payload: unknown) => {
        for (const listener of listeners.current.get(event) ?? []) listener(payload);
      });
    });
    return () => {
      cancelled = true;
      socket?.disconnect();
      socketRef.current = null;
      setConnected(false);
    };
  }, [token]);

  const value = useRef<RealtimeValue>({
    connected: false,
    subscribe(event, listener) {
      const set = listeners.current.get(event) ?? new Set();
      set.add(listener);
      listeners.current.set(event, set);
      return () => set.delete(listener);
    },
  });
  return <RealtimeContext.Provider value={{ ...value.current, connected }}>{children}</RealtimeContext.Provider>;
}

export function useRealtime(): RealtimeValue {
  const value = useContext(RealtimeContext);
  if (!value) throw new Error('useRealtime outside RealtimeProvider');
  return value;
}

/** Calls the handler for each event of these names; the latest handler is used without resubscribing. */
export function useRealtimeEvents(events: readonly string[], handler: (event: string, payload: unknown) => void): void {
  const { subscribe } = useRealtime();
  const handlerRef = useRef(handler);
  handlerRef.current = handler;
  const key = events.join('|');
  useEffect(() => {
    const offs = key.split('|').map((event) => subscribe(event, (payload) => handlerRef.current(event, payload)));
    return () => offs.forEach((off) => off());
  }, [key, subscribe]);
}
