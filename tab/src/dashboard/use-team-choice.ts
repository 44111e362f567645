import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '../api/api-client.js';
import { failureMessage } from '../i18n/failure.js';
import { useT } from '../i18n/i18n-context.js';
import type { MyTeamsResponse, TeamSummary } from '../api/dashboard-types.js';

export type TeamChoice =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  /** The caller belongs to no team that uses Learning Loop. */
  | { status: 'none' }
  /** `teams` is empty when the host named the team, so there is nothing to pick from. */
  | { status: 'chosen'; teamId: string; teams: TeamSummary[] };

/**
 * Which team the page shows: the one the tab was opened in, or else one of the caller's own
 * teams (the first, until they pick another).
 */
export function useTeamChoice(client: ApiClient, hostTeamId: string | undefined) {
  const [choice, setChoice] = useState<TeamChoice>(() =>
    hostTeamId ? { status: 'chosen', teamId: hostTeamId, teams: [] } : { status: 'loading' },
  );
  const [attempt, setAttempt] = useState(0);
  const i18n = useT();

  useEffect(() => {
    if (hostTeamId) return;
    const controller = new AbortController();
    setChoice({ status: 'loading' });
    client.get<MyTeamsResponse>('/api/v1/me/teams', { signal: controller.signal }).then(
      ({ teams }) => {
        const first = teams[0];
        setChoice(first ? { status: 'chosen', teamId: first.teamId, teams } : { status: 'none' });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setChoice({ status: 'failed', message: failureMessage(i18n, i18n.t('team.findFailed'), error) });
      },
    );
    return () => controller.abort();
  }, [client, hostTeamId, attempt, i18n]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const choose = useCallback((teamId: string) => setChoice((c) => (c.status === 'chosen' ? { ...c, teamId } : c)), []);
  return { choice, retry, choose };
}
