import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { SessionAnswer, SessionUser } from '../api/auth.ts';
import * as authApi from '../api/auth.ts';
import { ApiError, onUnauthorized } from '../api/client.ts';
import { setServerClock } from '../lib/format.ts';

/** Date defaults and "no later than today" checks count by the server's clock from now on. */
function followServerClock(answer: SessionAnswer): SessionUser {
  setServerClock(answer.now);
  return answer.user;
}

type SessionState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'anonymous'; expired: boolean }
  | { status: 'signedIn'; user: SessionUser };

interface AuthContextValue {
  session: SessionState;
  /** Throws ApiError with the server's Chinese message on failure. */
  login: (username: string, password: string) => Promise<SessionUser>;
  logout: () => Promise<void>;
  retry: () => void;
}

const AuthContext = createContext<AuthContextValue | undefined>(undefined);

/** The session state an answer to the session probe gives. */
function sessionFrom(outcome: PromiseSettledResult<SessionAnswer>): SessionState {
  if (outcome.status === 'fulfilled') return { status: 'signedIn', user: followServerClock(outcome.value) };
  const error: unknown = outcome.reason;
  if (error instanceof ApiError && error.status === 401)
    return { status: 'anonymous', expired: error.code === 'SESSION_EXPIRED' };
  return { status: 'error', message: error instanceof ApiError ? error.message : String(error) };
}

/**
 * The session is asked for as soon as the console's code runs, not after its first render. When its
 * answer is here before the first render (main.tsx waits for it with the opened page's code), the
 * console starts in that state: the shell and page are drawn at once, with no loading render first.
 */
let firstProbe: Promise<SessionAnswer> | undefined = authApi.fetchMe();
let firstOutcome: PromiseSettledResult<SessionAnswer> | undefined;
/** Settles when the first session probe has been answered (or failed). */
export const sessionProbed: Promise<void> = firstProbe.then(
  (value) => {
    firstOutcome = { status: 'fulfilled', value };
  },
  (reason: unknown) => {
    firstOutcome = { status: 'rejected', reason };
  },
);

export function AuthProvider({ children }: { children: ReactNode }) {
  // The first probe's answer when it came before this first render (kept for the effect below).
  const [answered] = useState(() => firstOutcome);
  const [session, setSession] = useState<SessionState>(() =>
    answered ? sessionFrom(answered) : { status: 'loading' },
  );
  const [probe, setProbe] = useState(0);

  useEffect(() => {
    let cancelled = false;
    const fromFirst = probe === 0 && answered !== undefined;
    const answer = fromFirst ? undefined : (firstProbe ?? authApi.fetchMe());
    firstProbe = undefined;
    firstOutcome = undefined;
    answer?.then(
      (value) => !cancelled && setSession(sessionFrom({ status: 'fulfilled', value })),
      (reason: unknown) => !cancelled && setSession(sessionFrom({ status: 'rejected', reason })),
    );
    return () => {
      cancelled = true;
    };
  }, [probe, answered]);

  useEffect(() => {
    onUnauthorized(() => setSession({ status: 'anonymous', expired: true }));
    return () => onUnauthorized(undefined);
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const user = followServerClock(await authApi.login(username, password));
    setSession({ status: 'signedIn', user });
    return user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      setSession({ status: 'anonymous', expired: false });
    }
  }, []);

  const retry = useCallback(() => {
    setSession({ status: 'loading' });
    setProbe((n) => n + 1);
  }, []);

  const value = useMemo(() => ({ session, login, logout, retry }), [session, login, logout, retry]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside AuthProvider');
  return value;
}

/** The signed-in user; only for components rendered behind RequireAuth. */
export function useCurrentUser(): SessionUser {
  const { session } = useAuth();
  if (session.status !== 'signedIn') throw new Error('useCurrentUser needs a signed-in session');
  return session.user;
}
