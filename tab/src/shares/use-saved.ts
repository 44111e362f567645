import { useCallback, useMemo, useState } from 'react';
import type { ApiClient } from '../api/api-client.js';
import type { SavedShareView, SavedSharesResponse, ShareView } from '../api/share-types.js';
import { useApiData } from '../api/use-api-data.js';
import { SAVED_PATH, myVotePath } from './share-paths.js';
import { newestSavedFirst, savedKey } from './share-format.js';
import { useT } from '../i18n/i18n-context.js';
import { failureMessage } from '../i18n/failure.js';

export interface UseSaved {
  /** Newest saved first, less those unsaved here; undefined until the first answer. */
  items: SavedShareView[] | undefined;
  loading: boolean;
  error: string | undefined;
  reload(): void;
  /** Unsaves a share; resolves once the service agreed and it has left the list, or throws what went wrong. */
  unsave(item: SavedShareView): Promise<void>;
  /** Whether older saves remain to be shown. */
  hasMore: boolean;
  loadingMore: boolean;
  moreError: string | undefined;
  loadMore(): void;
}

/** The shares the caller saved, across their teams. */
export function useSaved(client: ApiClient): UseSaved {
  const i18n = useT();
  const { data, loading, error, reload } = useApiData<SavedSharesResponse>(client, SAVED_PATH, i18n.t('saved.loadFailed'));
  // Kept apart from the answer, so two quick unsaves cannot bring each other's item back.
  const [unsaved, setUnsaved] = useState<ReadonlySet<string>>(() => new Set());
  // Pages after the first, for the first page they continue (a reload starts again).
  const [more, setMore] = useState<{ after: SavedSharesResponse; pages: SavedSharesResponse[] } | undefined>();
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | undefined>();
  const pages = useMemo(() => (data ? [data, ...(more?.after === data ? more.pages : [])] : undefined), [data, more]);
  const items = useMemo(
    () => pages && newestSavedFirst(pages.flatMap((p) => p.saved)).filter((item) => !unsaved.has(savedKey(item))),
    [pages, unsaved],
  );
  const cursor = pages?.at(-1)?.nextCursor ?? null;

  const loadMore = useCallback(() => {
    if (!cursor || !data) return;
    setLoadingMore(true);
    setMoreError(undefined);
    client.get<SavedSharesResponse>(`${SAVED_PATH}?cursor=${encodeURIComponent(cursor)}`).then(
      (page) => {
        setMore((m) => ({ after: data, pages: [...(m?.after === data ? m.pages : []), page] }));
        setLoadingMore(false);
      },
      (failure: unknown) => {
        setMoreError(failureMessage(i18n, i18n.t('saved.loadMoreFailed'), failure));
        setLoadingMore(false);
      },
    );
  }, [client, cursor, data, i18n]);

  const unsave = useCallback(
    async (item: SavedShareView) => {
      await client.send<ShareView>('PUT', myVotePath(item.teamId, item.shareId), { saved: false });
      setUnsaved((keys) => new Set(keys).add(savedKey(item)));
    },
    [client],
  );

  return { items, loading, error, reload, unsave, hasMore: cursor !== null, loadingMore, moreError, loadMore };
}
