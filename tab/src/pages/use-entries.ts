import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../api/api-client.js';
import type { Entry, EntryPage } from '../api/types.js';

export type EntriesState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'ready'; entries: Entry[]; nextCursor: string | null; loadingMore: boolean };

const PAGE_SIZE = 50;

/** The learner's log: first page kept fresh while the page is visible, older pages on demand. */
export function useEntries(client: ApiClient, pollMs: number) {
  const [state, setState] = useState<EntriesState>({ status: 'loading' });
  const older = useRef<{ entries: Entry[]; nextCursor: string | null } | undefined>(undefined);

  const refresh = useCallback(async () => {
    try {
      const first = await client.get<EntryPage>(`/api/v1/me/entries?limit=${PAGE_SIZE}`);
      const firstIds = new Set(first.entries.map((e) => e.id));
      const rest = older.current?.entries.filter((e) => !firstIds.has(e.id)) ?? [];
      setState((prev) => ({
        status: 'ready',
        entries: [...first.entries, ...rest],
        nextCursor: older.current ? older.current.nextCursor : first.nextCursor,
        loadingMore: prev.status === 'ready' ? prev.loadingMore : false,
      }));
    } catch (error) {
      setState((prev) =>
        // A failed background refresh keeps what is shown; only a failed first load shows the error.
        prev.status === 'ready' ? prev : { status: 'error', message: describe(error) },
      );
    }
  }, [client]);

  const loadMore = useCallback(async () => {
    if (state.status !== 'ready' || !state.nextCursor) return;
    setState({ ...state, loadingMore: true });
    try {
      const page = await client.get<EntryPage>(`/api/v1/me/entries?limit=${PAGE_SIZE}&cursor=${encodeURIComponent(state.nextCursor)}`);
      older.current = { entries: [...(older.current?.entries ?? []), ...page.entries], nextCursor: page.nextCursor };
      setState({ status: 'ready', entries: [...state.entries, ...page.entries], nextCursor: page.nextCursor, loadingMore: false });
    } catch (error) {
      setState({ status: 'error', message: describe(error) });
    }
  }, [client, state]);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    void refresh();
  }, [refresh]);

  useEffect(() => {
    void refresh();
    let timer: ReturnType<typeof setInterval> | undefined;
    const start = () => {
      if (!timer && document.visibilityState === 'visible') timer = setInterval(() => void refresh(), pollMs);
    };
    const stop = () => {
      if (timer) clearInterval(timer);
      timer = undefined;
    };
    const onVisibility = () => (document.visibilityState === 'visible' ? (void refresh(), start()) : stop());
    const onFocus = () => void refresh();
    start();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('focus', onFocus);
    return () => {
      stop();
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('focus', onFocus);
    };
  }, [refresh, pollMs]);

  return { state, retry, loadMore };
}

function describe(error: unknown): string {
  if (error && typeof error === 'object' && 'status' in error && 'message' in error) {
    const { status, message } = error as { status: number; message: string };
    return status ? `Couldn't load your learning (HTTP ${status}): ${message}` : `Couldn't load your learning: ${message}`;
  }
  return `Couldn't load your learning: ${String(error)}`;
}
