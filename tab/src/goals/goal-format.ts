import { isHttpUrl } from '../../../bot/contract/check-in-rules.js';
import type { GoalProgress, GoalView } from '../api/goal-types.js';
import { english, type TabTranslator } from '../i18n/i18n-context.js';

/** The words a goal is shown with, kept apart from the components so they can be tested alone. */

export type GoalBadgeColor = 'success' | 'warning' | 'danger' | 'brand' | 'informative';

export interface GoalStatusLook {
  /** Said in words on the badge: the colour only repeats it. */
  label: string;
  color: GoalBadgeColor;
}

/**
 * How a goal stands: an open goal is On track or Behind by its latest check-in (On track until a
 * check-in says otherwise); past its target date it is Overdue; Done and Dropped are final.
 */
export function goalStatusLook(goal: Pick<GoalView, 'status' | 'progress'>, { t }: Pick<TabTranslator, 't'> = english): GoalStatusLook {
  switch (goal.status) {
    case 'open':
      return goal.progress.at(-1)?.state === 'behind'
        ? { label: t('goals.behind'), color: 'warning' }
        : { label: t('goals.onTrack'), color: 'success' };
    case 'overdue':
      return { label: t('goals.overdue'), color: 'danger' };
    case 'done':
      return { label: t('goals.done'), color: 'brand' };
    case 'dropped':
      return { label: t('goals.dropped'), color: 'informative' };
    default:
      // A newer service may send a status this build does not know: show it rather than hide the goal.
      return { label: String(goal.status), color: 'informative' };
  }
}

/** The latest check-in that said something in words, if the latest one did. */
export function latestNote(goal: Pick<GoalView, 'progress'>): GoalProgress | undefined {
  const latest = goal.progress.at(-1);
  return latest?.note ? latest : undefined;
}

/** Only web links become clickable: anything else stays text. */
export function goalLinkHref(link: string): string | undefined {
  return isHttpUrl(link) ? link : undefined;
}

/** e.g. "3 goals, oldest first", the order the service lists them in. */
export function goalsCountText(count: number, { plural }: Pick<TabTranslator, 'plural'> = english): string {
  return plural('goals.count', count);
}

export const goalAddedText = (what: string, { t }: Pick<TabTranslator, 't'> = english) => t('goals.added', { what });
