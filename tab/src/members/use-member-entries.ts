import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { MemberEntriesResponse } from '../../../bot/contract/api.js';
import type { ApiClient } from '../api/api-client.js';
import { failureMessage } from '../i18n/failure.js';
import { useT } from '../i18n/i18n-context.js';
import { entriesReducer, initialEntries, type EntriesState } from '../entries/entries-state.js';
import type { MemberRef } from '../routes.js';
import { loadedMoreText, refusalText } from './member-entries-text.js';
import { memberEntriesApiPath } from './member-entries-paths.js';

/** A screenful to read through; the service filters private entries out of each page, so some come back shorter. */
export const MEMBER_ENTRIES_PAGE_SIZE = 20;

export interface UseMemberEntries {
  state: EntriesState;
  /** The member's name, once the service has said it. */
  name: string | undefined;
  /** The service refused outright (not a lead, not in the team): a sentence to show, with nothing to retry. */
  refusal: string | undefined;
  /** What the last "Load more" brought, for the live region. */
  announcement: string;
  retry(): void;
  loadMore(): void;
}

/** One member's entries as their lead may read them: the newest page on opening, older pages on demand. */
export function useMemberEntries(client: ApiClient, member: MemberRef): UseMemberEntries {
  const { teamId, userId } = member;
  const [state, dispatch] = useReducer(entriesReducer, initialEntries);
  const [name, setName] = useState<string | undefined>(undefined);
  const [refusal, setRefusal] = useState<string | undefined>(undefined);
  const [announcement, setAnnouncement] = useState('');
  const [attempt, setAttempt] = useState(0);
  const i18n = useT();
  const stateRef = useRef(state);
  stateRef.current = state;
  const live = useRef<AbortSignal | undefined>(undefined);

  useEffect(() => {
    const controller = new AbortController();
    live.current = controller.signal;
    client
      .get<MemberEntriesResponse>(memberEntriesApiPath({ teamId, userId }, MEMBER_ENTRIES_PAGE_SIZE), { signal: controller.signal })
      .then(
        (page) => {
          if (controller.signal.aborted) return;
          setName(page.member.displayName);
          dispatch({ type: 'firstPage', page });
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          const refused = refusalText(error, i18n);
          if (refused) setRefusal(refused);
          else dispatch({ type: 'firstPageFailed', message: failureMessage(i18n, i18n.t('memberEntries.loadFailed'), error) });
        },
      );
    return () => controller.abort();
  }, [client, teamId, userId, attempt, i18n]);

  const retry = useCallback(() => {
    dispatch({ type: 'retry' });
    setAttempt((n) => n + 1);
  }, []);

  const loadMore = useCallback(() => {
    const { nextCursor, loadingMore } = stateRef.current;
    const signal = live.current;
    if (!nextCursor || loadingMore || !signal) return;
    dispatch({ type: 'moreStarted' });
    setAnnouncement('');
    client.get<MemberEntriesResponse>(memberEntriesApiPath({ teamId, userId }, MEMBER_ENTRIES_PAGE_SIZE, nextCursor), { signal }).then(
      (page) => {
        if (signal.aborted) return;
        dispatch({ type: 'morePage', page });
        setAnnouncement(loadedMoreText(page.entries.length, page.nextCursor !== null, i18n));
      },
      (error: unknown) =>
        signal.aborted || dispatch({ type: 'moreFailed', message: failureMessage(i18n, i18n.t('memberEntries.loadMoreFailed'), error) }),
    );
  }, [client, teamId, userId, i18n]);

  return { state, name, refusal, announcement, retry, loadMore };
}
