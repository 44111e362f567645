import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { ApiClient } from '../api/api-client.js';
import { failureMessage } from '../i18n/failure.js';
import { useT } from '../i18n/i18n-context.js';
import type { Entry, EntryPage } from '../api/types.js';
import { entriesReducer, initialEntries, type EntriesState } from './entries-state.js';
import { pollWhileVisible } from './poll-while-visible.js';

const PAGE_SIZE = 50;

export interface UseEntries {
  state: EntriesState;
  retry(): void;
  loadMore(): void;
  /** The service accepted an edit: show it in place, whatever older polls say. */
  entryEdited(entry: Entry): void;
  /** The service deleted an entry: it leaves the list for good. */
  entryRemoved(entryId: string): void;
}

/** The learner's log: the newest page kept fresh while the page is visible, older pages on demand. */
export function useEntries(client: ApiClient, pollMs: number): UseEntries {
  const [state, dispatch] = useReducer(entriesReducer, initialEntries);
  const i18n = useT();
  const stateRef = useRef(state);
  stateRef.current = state;
  const live = useRef<{ refresh: () => void; signal: AbortSignal } | undefined>(undefined);
  // Orders requests and the learner's changes, so the state can tell a stale page (see entries-state).
  const clock = useRef(0);

  useEffect(() => {
    const controller = new AbortController();
    let inFlight = false;
    const refresh = async () => {
      // A slow service must not pile up requests: skip a tick while the last one is still out.
      if (inFlight) return;
      inFlight = true;
      const asOf = ++clock.current;
      try {
        const page = await client.get<EntryPage>(`/api/v1/me/entries?limit=${PAGE_SIZE}`, { signal: controller.signal });
        if (!controller.signal.aborted) dispatch({ type: 'firstPage', page, asOf });
      } catch (error) {
        if (!controller.signal.aborted)
          dispatch({ type: 'firstPageFailed', message: failureMessage(i18n, i18n.t('log.loadFailed'), error) });
      } finally {
        inFlight = false;
      }
    };
    live.current = { refresh: () => void refresh(), signal: controller.signal };
    void refresh();
    const stopPolling = pollWhileVisible(() => void refresh(), pollMs);
    return () => {
      stopPolling();
      controller.abort();
      live.current = undefined;
    };
  }, [client, pollMs, i18n]);

  const retry = useCallback(() => {
    dispatch({ type: 'retry' });
    live.current?.refresh();
  }, []);

  const loadMore = useCallback(() => {
    const { nextCursor, loadingMore } = stateRef.current;
    const signal = live.current?.signal;
    if (!nextCursor || loadingMore || !signal) return;
    dispatch({ type: 'moreStarted' });
    const path = `/api/v1/me/entries?limit=${PAGE_SIZE}&cursor=${encodeURIComponent(nextCursor)}`;
    client.get<EntryPage>(path, { signal }).then(
      (page) => signal.aborted || dispatch({ type: 'morePage', page }),
      (error: unknown) =>
        signal.aborted || dispatch({ type: 'moreFailed', message: failureMessage(i18n, i18n.t('log.loadMoreFailed'), error) }),
    );
  }, [client, i18n]);

  const entryEdited = useCallback((entry: Entry) => dispatch({ type: 'entryEdited', entry, asOf: ++clock.current }), []);
  const entryRemoved = useCallback((entryId: string) => dispatch({ type: 'entryRemoved', entryId, asOf: ++clock.current }), []);

  return { state, retry, loadMore, entryEdited, entryRemoved };
}
