import { useCallback, useMemo, useState } from 'react';
import type { ApiClient } from '../api/api-client.js';
import type { SavedShareView, SavedSharesResponse, ShareView } from '../api/share-types.js';
import { useApiData } from '../api/use-api-data.js';
import { SAVED_PATH, myVotePath } from './share-paths.js';
import { newestSavedFirst, savedKey } from './share-format.js';
import { useT } from '../i18n/i18n-context.js';

export interface UseSaved {
  /** Newest saved first, less those unsaved here; undefined until the first answer. */
  items: SavedShareView[] | undefined;
  loading: boolean;
  error: string | undefined;
  reload(): void;
  /** Unsaves a share; resolves once the service agreed and it has left the list, or throws what went wrong. */
  unsave(item: SavedShareView): Promise<void>;
}

/** The shares the caller saved, across their teams. */
export function useSaved(client: ApiClient): UseSaved {
  const { data, loading, error, reload } = useApiData<SavedSharesResponse>(client, SAVED_PATH, useT().t('saved.loadFailed'));
  // Kept apart from the answer, so two quick unsaves cannot bring each other's item back.
  const [unsaved, setUnsaved] = useState<ReadonlySet<string>>(() => new Set());
  const items = useMemo(() => data && newestSavedFirst(data.saved).filter((item) => !unsaved.has(savedKey(item))), [data, unsaved]);

  const unsave = useCallback(
    async (item: SavedShareView) => {
      await client.send<ShareView>('PUT', myVotePath(item.teamId, item.shareId), { saved: false });
      setUnsaved((keys) => new Set(keys).add(savedKey(item)));
    },
    [client],
  );

  return { items, loading, error, reload, unsave };
}
