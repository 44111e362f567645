import { useCallback, useEffect, useRef, useState } from 'react';
import { failureMessage } from '../i18n/failure.js';
import { useT } from '../i18n/i18n-context.js';
import type { ApiClient } from './api-client.js';

export interface ApiData<T> {
  /** The last answer, kept on screen while a reload is out or after it failed. */
  data: T | undefined;
  loading: boolean;
  /** A sentence saying what failed, ready to show. */
  error: string | undefined;
  reload(): void;
  /** The service answered a change with the new state: show it without asking again. */
  replace(data: T): void;
}

/** One GET, loaded on mount and again on demand. `failed` heads the message when it fails: "Couldn't load your summary". */
export function useApiData<T>(client: ApiClient, path: string, failed: string): ApiData<T> {
  const i18n = useT();
  const [state, setState] = useState<{ data: T | undefined; loading: boolean; error: string | undefined }>({
    data: undefined,
    loading: true,
    error: undefined,
  });
  // Only the latest request may land: an older answer arriving late would show older data.
  const latest = useRef(0);
  const controller = useRef<AbortController | undefined>(undefined);

  const reload = useCallback(() => {
    const request = ++latest.current;
    controller.current?.abort();
    const abort = new AbortController();
    controller.current = abort;
    setState((s) => ({ ...s, loading: true }));
    client.get<T>(path, { signal: abort.signal }).then(
      (data) => request === latest.current && setState({ data, loading: false, error: undefined }),
      (error: unknown) =>
        request === latest.current &&
        !abort.signal.aborted &&
        setState((s) => ({ ...s, loading: false, error: failureMessage(i18n, failed, error) })),
    );
  }, [client, path, failed, i18n]);

  useEffect(() => {
    reload();
    return () => {
      // A counter, not a DOM node: bumping its live value is what retires the request in flight.
      // eslint-disable-next-line react-hooks/exhaustive-deps
      latest.current++;
      controller.current?.abort();
    };
  }, [reload]);

  const replace = useCallback((data: T) => {
    latest.current++;
    controller.current?.abort();
    setState({ data, loading: false, error: undefined });
  }, []);

  return { ...state, reload, replace };
}
