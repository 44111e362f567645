import type { ApiClient } from '../api/api-client.js';
import type { ResourceScope, TopResourcesResponse } from '../api/share-types.js';
import { useApiData, type ApiData } from '../api/use-api-data.js';
import { topResourcesPath } from './share-paths.js';
import { useT } from '../i18n/i18n-context.js';

/** The best-rated and most-saved resources of the team or the whole organisation; a new scope is a new request. */
export function useTopResources(client: ApiClient, teamId: string, scope: ResourceScope): ApiData<TopResourcesResponse> {
  return useApiData<TopResourcesResponse>(client, topResourcesPath(teamId, scope), useT().t('topResources.loadFailed'));
}
