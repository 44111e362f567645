import { useCallback } from 'react';
import type { ApiClient } from '../api/api-client.js';
import type { AddedGoal, GoalInput, GoalView, MyGoalsResponse } from '../api/goal-types.js';
import { useApiData } from '../api/use-api-data.js';
import { GOALS_PATH } from './goal-paths.js';
import { useT } from '../i18n/i18n-context.js';

export interface UseGoals {
  /** Oldest first, as the service lists them; undefined until the first answer. */
  goals: GoalView[] | undefined;
  loading: boolean;
  error: string | undefined;
  reload(): void;
  /** Adds a goal; resolves with it as stored, or throws what went wrong (an `ApiFailure` 400 names the fields). */
  add(input: GoalInput): Promise<AddedGoal>;
  /** Shows a goal just added at once, and asks the service for the list as it now stands. */
  added(goal: AddedGoal): void;
}

/** The caller's own learning goals. */
export function useGoals(client: ApiClient): UseGoals {
  const { data, loading, error, reload, replace } = useApiData<MyGoalsResponse>(client, GOALS_PATH, useT().t('goals.loadFailed'));

  const add = useCallback(
    async (input: GoalInput) => {
      const { goal } = await client.send<{ goal: AddedGoal }>('POST', GOALS_PATH, input);
      return goal;
    },
    [client],
  );

  const added = useCallback(
    (goal: AddedGoal) => {
      // The service answers a new goal without its status: a goal just set is open.
      const shown = (data?.goals ?? []).filter((g) => g.goalId !== goal.goalId);
      replace({ goals: [...shown, { ...goal, status: 'open' }] });
      reload();
    },
    [data, replace, reload],
  );

  return { goals: data?.goals, loading, error, reload, add, added };
}
