import type { FollowThroughFigures } from '../../../bot/contract/follow-through.js';
import { formatCount, formatPercent } from '../dashboard/dashboard-format.js';
import type { TabTranslator } from '../i18n/i18n-context.js';

/** Follow-through as a percentage, or a dash with why when nothing is due yet. */
export function followThroughText(f: FollowThroughFigures, locale: string): string {
  return f.followThrough === null ? '–' : formatPercent(f.followThrough, locale);
}

/** "3 of 5 due actions have a result", or that none is due yet. */
export function followThroughNote(f: FollowThroughFigures, locale: string, { t }: Pick<TabTranslator, 't'>): string {
  if (f.due === 0) return t('followThrough.noneDue');
  return t('followThrough.resultsOfDue', { results: formatCount(f.results, locale), due: formatCount(f.due, locale) });
}

/** The median days to a result, in words, or a dash with why when no result has a date. */
export function medianDaysText(f: FollowThroughFigures, { plural }: Pick<TabTranslator, 'plural'>): string {
  return f.medianDaysToResult === null ? '–' : plural('followThrough.days', f.medianDaysToResult);
}
