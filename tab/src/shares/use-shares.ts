import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { ApiClient } from '../api/api-client.js';
import { failureMessage } from '../i18n/failure.js';
import { useT } from '../i18n/i18n-context.js';
import type { MyShareVoteUpdate, ShareSort, SharesResponse, ShareView } from '../api/share-types.js';
import { feedReducer, initialFeed } from './feed-state.js';
import { myVotePath, sharesPath } from './share-paths.js';

export interface UseShares {
  state: ReturnType<typeof feedReducer>;
  retry(): void;
  /** Sets the caller's marks on a share and shows the answer; a failure is thrown for the card that asked. */
  vote(shareId: string, update: MyShareVoteUpdate): Promise<ShareView>;
  /** Brings the next page under the ones shown. */
  loadMore(): void;
}

/** A team's learning shares in the order asked for. */
export function useShares(client: ApiClient, teamId: string, sort: ShareSort): UseShares {
  const [state, dispatch] = useReducer(feedReducer, initialFeed);
  const [attempt, setAttempt] = useState(0);
  // Orders list requests and vote answers, so a list asked for before a vote landed cannot undo it.
  const clock = useRef(0);
  const i18n = useT();

  useEffect(() => {
    const controller = new AbortController();
    const askedAt = ++clock.current;
    dispatch({ type: 'loading' });
    client.get<SharesResponse>(sharesPath(teamId, sort), { signal: controller.signal }).then(
      (response) => controller.signal.aborted || dispatch({ type: 'loaded', response, askedAt }),
      (error: unknown) => {
        // A newer request (another order, a retry) replaced this one.
        if (controller.signal.aborted) return;
        dispatch({ type: 'failed', message: failureMessage(i18n, i18n.t('shares.loadFailed'), error) });
      },
    );
    return () => controller.abort();
  }, [client, teamId, sort, attempt, i18n]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  const vote = useCallback(
    async (shareId: string, update: MyShareVoteUpdate) => {
      const share = await client.send<ShareView>('PUT', myVotePath(teamId, shareId), update);
      dispatch({ type: 'voted', share, at: ++clock.current });
      return share;
    },
    [client, teamId],
  );

  const cursor = state.shown?.sort === sort ? state.shown.nextCursor : null;
  const loadMore = useCallback(() => {
    if (!cursor) return;
    dispatch({ type: 'moreStarted' });
    client.get<SharesResponse>(sharesPath(teamId, sort, cursor)).then(
      (response) => dispatch({ type: 'morePage', response }),
      (error: unknown) => dispatch({ type: 'moreFailed', message: failureMessage(i18n, i18n.t('shares.loadMoreFailed'), error) }),
    );
  }, [client, teamId, sort, cursor, i18n]);

  return { state, retry, vote, loadMore };
}
