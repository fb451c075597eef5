/** Loads data for a page and reloads it when its inputs change or on demand. */
import { useCallback, useEffect, useState } from 'react';
import { toApiError, type ApiError } from '../api.js';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload(): void;
}

/** `load` runs again whenever `key` changes (use a string built from the query). */
export function useLoad<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    setLoading(true);
    setError(null);
    load().then(
      (value) => {
        if (cancelled) return;
        setData(value);
        setLoading(false);
      },
      (reason: unknown) => {
        if (cancelled) return;
        setError(toApiError(reason));
        setLoading(false);
      },
    );
    return () => {
      cancelled = true;
    };
    // `load` is a new closure each render; `key` says when its inputs changed.
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, error, loading, reload };
}
