import type { MyAudienceResponse } from '../../../bot/contract/api.js';
import type { ApiClient } from '../api/api-client.js';
import { useApiData, type ApiData } from '../api/use-api-data.js';
import { useT } from '../i18n/i18n-context.js';

export type { MyAudienceResponse };

/** Who can see the learner's entries, team by team. */
export function useMyAudience(client: ApiClient): ApiData<MyAudienceResponse> {
  return useApiData<MyAudienceResponse>(client, '/api/v1/me/audience', useT().t('audience.loadFailed'));
}
