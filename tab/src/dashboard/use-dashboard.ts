import { roundupSettingOf } from '../../../bot/contract/weekly-roundup.js';
import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '../api/api-client.js';
import { failureMessage } from '../i18n/failure.js';
import { useT } from '../i18n/i18n-context.js';
import type { DashboardPeriod, DashboardResponse, TeamSettings } from '../api/dashboard-types.js';

export type DashboardState =
  /** `shown` is the previous period's answer, kept on screen (marked busy) while the next one loads. */
  { phase: 'loading'; shown?: DashboardResponse } | { phase: 'error'; message: string } | { phase: 'ready'; shown: DashboardResponse };

export function dashboardPath(teamId: string, weeks: DashboardPeriod): string {
  return `/api/v1/teams/${encodeURIComponent(teamId)}/dashboard?weeks=${weeks}`;
}

export function useDashboard(client: ApiClient, teamId: string, weeks: DashboardPeriod) {
  const [state, setState] = useState<DashboardState>({ phase: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const i18n = useT();

  useEffect(() => {
    const controller = new AbortController();
    setState((s) => (s.phase === 'error' ? { phase: 'loading' } : { phase: 'loading', ...(s.shown ? { shown: s.shown } : {}) }));
    client.get<DashboardResponse>(dashboardPath(teamId, weeks), { signal: controller.signal }).then(
      (shown) => setState({ phase: 'ready', shown }),
      (error: unknown) => {
        // A newer request (another period, another team) replaced this one.
        if (controller.signal.aborted) return;
        setState({ phase: 'error', message: failureMessage(i18n, i18n.t('team.loadFailed'), error) });
      },
    );
    return () => controller.abort();
  }, [client, teamId, weeks, attempt, i18n]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  /** A lead saved the schedule: show it without fetching the whole dashboard again. */
  const settingsSaved = useCallback((saved: TeamSettings) => {
    setState((s) => {
      if (s.phase === 'error' || !s.shown) return s;
      const settings = {
        schedule: saved.schedule,
        sharesChannelId: saved.sharesChannelId,
        updatedAt: saved.updatedAt,
        roundup: roundupSettingOf(saved),
      };
      return { ...s, shown: { ...s.shown, settings } };
    });
  }, []);

  return { state, retry, settingsSaved };
}
