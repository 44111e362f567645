import { useCallback, useMemo, useRef, useState } from 'react';
import type { ApiClient } from '../api/api-client.js';
import { failureMessage } from '../i18n/failure.js';
import type { MyRecommendation, MyRecommendationsResponse } from '../api/recommendation-types.js';
import { useApiData } from '../api/use-api-data.js';
import { thenSay } from '../shares/share-format.js';
import { doneFailed, doneText, newestFirst, recommendationKey } from './recommendation-format.js';
import { MY_RECOMMENDATIONS_PATH, myRecommendationPath } from './recommendation-paths.js';
import { useT } from '../i18n/i18n-context.js';

export interface UseMyRecommendations {
  /** Newest first, each tick as asked for while it is on its way; undefined until the first answer. */
  recommendations: MyRecommendation[] | undefined;
  loading: boolean;
  error: string | undefined;
  reload(): void;
  /** Whether a tick on this one is on its way to the service. */
  busy(rec: MyRecommendation): boolean;
  /** What failed for this one, said in words, with the tick it asked for (to send again on Retry). */
  problem(rec: MyRecommendation): { message: string; done: boolean } | undefined;
  /** Ticks it off (or takes the tick back) at once and tells the service; a refusal puts it back as it was. */
  setDone(rec: MyRecommendation, done: boolean): void;
}

/** The caller's recommendations from all their teams, and the "I did this" tick on each. */
export function useMyRecommendations(client: ApiClient, announce: (message: string) => void): UseMyRecommendations {
  const i18n = useT();
  const { data, loading, error, reload } = useApiData<MyRecommendationsResponse>(
    client,
    MY_RECOMMENDATIONS_PATH,
    i18n.t('myRecs.loadFailed'),
  );
  // Ticks on their way (shown at once) and ticks the service confirmed since the list came, by recommendation.
  const [wanted, setWanted] = useState<Record<string, boolean>>({});
  const [confirmed, setConfirmed] = useState<Record<string, Pick<MyRecommendation, 'done' | 'doneAt'>>>({});
  const [problems, setProblems] = useState<Record<string, { message: string; done: boolean }>>({});
  const out = useRef(new Set<string>());

  const recommendations = useMemo(
    () =>
      data &&
      newestFirst(data.recommendations).map((rec) => {
        const key = recommendationKey(rec);
        const shown = { ...rec, ...confirmed[key] };
        return key in wanted ? { ...shown, done: wanted[key] === true } : shown;
      }),
    [data, confirmed, wanted],
  );

  const setDone = useCallback(
    (rec: MyRecommendation, done: boolean) => {
      const key = recommendationKey(rec);
      // One tick at a time per recommendation: the next waits for the service's answer to this one.
      if (out.current.has(key)) return;
      out.current.add(key);
      const settle = () => {
        out.current.delete(key);
        setWanted(({ [key]: _settled, ...rest }) => rest);
      };
      setWanted((w) => ({ ...w, [key]: done }));
      setProblems(({ [key]: _old, ...rest }) => rest);
      client.send<{ recommendation: MyRecommendation }>('PUT', myRecommendationPath(rec.teamId, rec.recId), { done }).then(
        ({ recommendation }) => {
          setConfirmed((c) => ({ ...c, [key]: { done: recommendation.done, doneAt: recommendation.doneAt } }));
          settle();
          announce(doneText(rec.title, recommendation.done, i18n));
        },
        (failure: unknown) => {
          settle();
          const stays = done ? i18n.t('recs.stillNotTicked') : i18n.t('recs.stillTicked');
          setProblems((p) => ({
            ...p,
            [key]: { message: thenSay(failureMessage(i18n, doneFailed(rec.title, done, i18n), failure), stays), done },
          }));
        },
      );
    },
    [client, announce, i18n],
  );

  const busy = useCallback((rec: MyRecommendation) => recommendationKey(rec) in wanted, [wanted]);
  const problem = useCallback((rec: MyRecommendation) => problems[recommendationKey(rec)], [problems]);

  return { recommendations, loading, error, reload, busy, problem, setDone };
}
