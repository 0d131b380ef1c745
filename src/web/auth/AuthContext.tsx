import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import * as authApi from '../api/auth';
import { ApiError, setUnauthenticatedHandler } from '../api/client';
import type { Me } from '../api/types';
import { isWithin } from '../../core/areas/codes';

type Status = 'loading' | 'anonymous' | 'signed-in' | 'offline';

interface Auth {
  status: Status;
  me: Me | null;
  login(username: string, password: string): Promise<Me>;
  logout(): Promise<void>;
  refresh(): Promise<void>;
  /** Is this area code inside the user's scope? */
  inScope(code: string): boolean;
}

const AuthContext = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>('loading');
  const [me, setMe] = useState<Me | null>(null);

  const refresh = useCallback(async () => {
    try {
      const s = await authApi.me();
      setMe(s.user);
      setStatus('signed-in');
    } catch (e) {
      setMe(null);
      setStatus(e instanceof ApiError && e.isNetwork ? 'offline' : 'anonymous');
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setMe(null);
      setStatus('anonymous');
    });
    return () => setUnauthenticatedHandler(null);
  }, []);

  const login = useCallback(async (username: string, password: string) => {
    const s = await authApi.login(username, password);
    setMe(s.user);
    setStatus('signed-in');
    return s.user;
  }, []);

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } catch {
      /* the session is gone either way */
    }
    setMe(null);
    setStatus('anonymous');
  }, []);

  const inScope = useCallback(
    (code: string) => !!me && (me.scope.length === 0 ? isWithin(code, me.place.code) : me.scope.some((s) => isWithin(code, s.code))),
    [me],
  );

  const value = useMemo<Auth>(() => ({ status, me, login, logout, refresh, inScope }), [status, me, login, logout, refresh, inScope]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): Auth {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}

/** The signed-in user; only for pages under RequireAuth. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a session');
  return me;
}
