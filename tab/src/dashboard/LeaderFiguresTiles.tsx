import { Text } from '@fluentui/react-components';
import type { DashboardFollowUps, FollowUpFigures } from '../api/dashboard-types.js';
import { formatCount, formatPercent } from './dashboard-format.js';

/**
 * One line of follow-up figures, e.g. "Follow-ups asked of you: 3 · done: 2 (67%) · median days
 * to follow up: 1.5". Nulls are said in words: nothing asked, or nothing followed up yet.
 */
export function followUpLine(label: string, figures: FollowUpFigures, locale: string): string {
  if (figures.requested === 0 || figures.rate === null) return `${label}: nothing asked yet`;
  const days = figures.medianDays === null ? 'none done yet' : new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(figures.medianDays);
  return `${label}: ${formatCount(figures.requested, locale)} · done: ${formatCount(figures.done, locale)} (${formatPercent(figures.rate, locale)}) · median days to follow up: ${days}`;
}

/** A lead's own follow-ups over the period, and the team's (a follow-up by any lead counts for the team). */
export function LeaderFiguresTiles({ followUps, locale }: { followUps: DashboardFollowUps; locale: string }) {
  return (
    <div data-testid="leader-figures">
      <Text as="p" block data-testid="leader-figures-yours">
        {followUpLine('Follow-ups asked of you', followUps.yours, locale)}
      </Text>
      <Text as="p" block data-testid="leader-figures-team">
        {followUpLine('The team’s leads, together', followUps.team, locale)}
      </Text>
    </div>
  );
}
