import { useCallback } from 'react';
import type { MySettings, MySettingsUpdate } from '../../../bot/contract/api.js';
import type { ApiClient } from '../api/api-client.js';
import { useApiData, type ApiData } from '../api/use-api-data.js';
import { useT } from '../i18n/i18n-context.js';

export type { MySettings, MySettingsUpdate };

export interface UseMySettings extends ApiData<MySettings> {
  /** Saves a change and shows the service's answer; a failure is thrown for the control that asked. */
  save(update: MySettingsUpdate): Promise<MySettings>;
}

const PATH = '/api/v1/me/settings';

export function useMySettings(client: ApiClient): UseMySettings {
  const settings = useApiData<MySettings>(client, PATH, useT().t('settings.loadFailed'));
  const { replace } = settings;
  const save = useCallback(
    async (update: MySettingsUpdate) => {
      const saved = await client.send<MySettings>('PUT', PATH, update);
      replace(saved);
      return saved;
    },
    [client, replace],
  );
  return { ...settings, save };
}
