import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { api, currentSession, saveSession, type Session } from '../shared/api';

interface SessionContext {
  session?: Session;
  signIn(username: string, password: string): Promise<void>;
  signOut(): void;
  /** true when the signed-in user holds one of these roles (admins hold every role) */
  can(...roles: string[]): boolean;
}

const Context = createContext<SessionContext | null>(null);

/** The signed-in staff member (token in sessionStorage: gone when the tab closes, and when it expires). */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | undefined>(currentSession);
  const signIn = useCallback(async (username: string, password: string) => {
    const next = await api<Session>('/api/auth/sign-in', { json: { username, password }, auth: false });
    saveSession(next);
    setSession(next);
  }, []);
  const signOut = useCallback(() => {
    saveSession(undefined);
    setSession(undefined);
  }, []);
  const value = useMemo<SessionContext>(
    () => ({
      session,
      signIn,
      signOut,
      can: (...roles) => !!session && (session.user.roles.includes('admin') || roles.some((r) => session.user.roles.includes(r))),
    }),
    [session, signIn, signOut],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useSession(): SessionContext {
  const value = useContext(Context);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
