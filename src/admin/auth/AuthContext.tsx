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

/**
 * The session is asked for as soon as the console's code runs, not after its first render: the answer
 * is then on its way while React draws, and the page's own requests follow it sooner.
 */
let firstProbe: Promise<SessionAnswer> | undefined = authApi.fetchMe();
firstProbe.catch(() => undefined); // handled by the provider; not an unhandled rejection meanwhile

function probeSession(): Promise<SessionAnswer> {
  const answer = firstProbe ?? authApi.fetchMe();
  firstProbe = undefined;
  return answer;
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionState>({ status: 'loading' });
  const [probe, setProbe] = useState(0);

  useEffect(() => {
    let cancelled = false;
    void probe;
    probeSession().then(
      (answer: SessionAnswer) => {
        const user = followServerClock(answer);
        if (!cancelled) setSession({ status: 'signedIn', user });
      },
      (error: unknown) => {
        if (cancelled) return;
        if (error instanceof ApiError && error.status === 401)
          setSession({ status: 'anonymous', expired: error.code === 'SESSION_EXPIRED' });
        else
          setSession({ status: 'error', message: error instanceof ApiError ? error.message : String(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [probe]);

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
