import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import type { UserView } from '@lingxi/contracts';
import { createApiClient, type ApiError } from './api/client.ts';
import { lingxiApi, type LingxiApi } from './api/endpoints.ts';

// The bearer token lives in sessionStorage (per tab, gone when the tab closes); the server's httpOnly cookie is not relied on.

const STORAGE_KEY = 'lingxi.session';

export type Session = { token: string; user: UserView; expiresAt: string };
type SessionValue = {
  session: Session | null;
  /** Why the last session ended without a logout, shown on the login page. */
  endedBecause: ApiError | null;
  api: LingxiApi;
  signIn(session: Session): void;
  signOut(): Promise<void>;
  /** Ends the session because something other than an API call learned it is over (the socket's handshake). */
  sessionEnded(reason: ApiError): void;
  updateUser(user: UserView): void;
};

const SessionContext = createContext<SessionValue | null>(null);

function readStored(): Session | null {
  try {
    const raw = window.sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const stored = JSON.parse(raw) as Session;
    return new Date(stored.expiresAt).getTime() > Date.now() ? stored : null;
  } catch {
    return null;
  }
}

function store(session: Session | null): void {
  try {
    if (session) window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    else window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // storage can be disabled; the session then lasts as long as the page
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(readStored);
  const [endedBecause, setEndedBecause] = useState<ApiError | null>(null);
  const tokenRef = useRef<string | null>(session?.token ?? null);

  const end = useCallback((reason: ApiError | null) => {
    tokenRef.current = null;
    store(null);
    setSession(null);
    setEndedBecause(reason);
  }, []);

  const api = useMemo(() => lingxiApi(createApiClient({ token: () => tokenRef.current, onSessionEnded: (error) => end(error) })), [end]);

  const value = useMemo<SessionValue>(
    () => ({
      session,
      endedBecause,
      api,
      signIn(next) {
        tokenRef.current = next.token;
        store(next);
        setEndedBecause(null);
        setSession(next);
      },
      async signOut() {
        try {
          await api.auth.logout();
        } catch {
          // the session is ended locally either way
        }
        end(null);
      },
      sessionEnded: end,
      updateUser(user) {
        setSession((previous) => {
          if (!previous) return previous;
          const next = { ...previous, user };
          store(next);
          return next;
        });
      },
    }),
    [session, endedBecause, api, end],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** For screens behind the login: the session is known to exist. */
export function useSignedIn(): SessionValue & { session: Session } {
  const value = useSession();
  if (!value.session) throw new Error('useSignedIn without a session');
  return value as SessionValue & { session: Session };
}
