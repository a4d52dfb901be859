import { type DependencyList, useCallback, useEffect, useState } from 'react';
import { errorMessage } from '../api/client.ts';

export interface Loaded<T> {
  /** The last value loaded; kept while reloading and after a failed reload. */
  data: T | undefined;
  /** Chinese message of the last failure; cleared by the next success. */
  error: string | undefined;
  loading: boolean;
  /** Loads again with the same deps (e.g. after a save). */
  reload: () => void;
}

/**
 * Runs `load` on mount and whenever `deps` change (as `useEffect` would), tracking data, error and
 * loading. An answer that arrives after unmount or after the deps changed again is dropped.
 * `deps` must list everything `load` reads.
 */
export function useLoad<T>(load: () => Promise<T>, deps: DependencyList): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(true);
  const [version, setVersion] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps stand for `load`.
  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    load().then(
      (r) => {
        if (cancelled) return;
        setData(r);
        setError(undefined);
        setLoading(false);
      },
      (e: unknown) => {
        if (cancelled) return;
        setError(errorMessage(e));
        setLoading(false);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [...deps, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, loading, reload };
}
