import type { MySummaryResponse } from '../../../bot/contract/api.js';
import type { ApiClient } from '../api/api-client.js';
import { useApiData, type ApiData } from '../api/use-api-data.js';
import { useT } from '../i18n/i18n-context.js';

export type { MySummaryResponse };

/** The learner's streak and this month's totals. */
export function useMySummary(client: ApiClient): ApiData<MySummaryResponse> {
  return useApiData<MySummaryResponse>(client, '/api/v1/me/summary', useT().t('summary.loadFailed'));
}
