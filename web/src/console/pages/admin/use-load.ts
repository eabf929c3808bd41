import { useCallback, useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import { ApiError } from '../../../shared/api';
import { useSession } from '../../session';

export interface Loaded<T> {
  data?: T;
  error?: unknown;
  loading: boolean;
  reload(): void;
  setData: Dispatch<SetStateAction<T | undefined>>;
}

/** Load once per change of `deps` (a stale answer is dropped); a 401 signs out so the shell asks for a new sign-in. */
export function useLoad<T>(load: (() => Promise<T>) | undefined, deps: unknown[]): Loaded<T> {
  const { session, signOut } = useSession();
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(Boolean(load));
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (!load) {
      setLoading(false);
      return;
    }
    let current = true;
    setLoading(true);
    setError(undefined);
    load().then(
      (value) => {
        if (!current) return;
        setData(value);
        setLoading(false);
      },
      (e: unknown) => {
        if (!current) return;
        if (e instanceof ApiError && e.status === 401 && session) signOut();
        setError(e);
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [...deps, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data, error, loading, reload, setData };
}
