import { Text } from '@fluentui/react-components';
import type { DashboardFollowUps, FollowUpFigures } from '../api/dashboard-types.js';
import { formatCount, formatPercent } from './dashboard-format.js';
import { useT, type TabTranslator } from '../i18n/i18n-context.js';
import { teamEnglish } from '../i18n/team-messages.js';

/**
 * One line of follow-up figures, e.g. "Follow-ups asked of you: 3 · done: 2 (67%) · median days
 * to follow up: 1.5". Nulls are said in words: nothing asked, or nothing followed up yet.
 */
export function followUpLine(
  label: string,
  figures: FollowUpFigures,
  locale: string,
  { t }: Pick<TabTranslator, 't'> = teamEnglish,
): string {
  if (figures.requested === 0 || figures.rate === null) return t('leader.nothingAsked', { label });
  const days =
    figures.medianDays === null
      ? t('leader.noneDone')
      : new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(figures.medianDays);
  return t('leader.line', {
    label,
    requested: formatCount(figures.requested, locale),
    done: formatCount(figures.done, locale),
    rate: formatPercent(figures.rate, locale),
    days,
  });
}

/**
 * A lead's own follow-ups over the period, and the team's (a follow-up by any lead counts for the
 * team); how many were nudged, kept apart from done; and what done means.
 */
export function LeaderFiguresTiles({ followUps, locale }: { followUps: DashboardFollowUps; locale: string }) {
  const i18n = useT();
  return (
    <div data-testid="leader-figures">
      <Text as="p" block data-testid="leader-figures-yours">
        {followUpLine(i18n.t('leader.yours'), followUps.yours, locale, i18n)}
      </Text>
      <Text as="p" block data-testid="leader-figures-team">
        {followUpLine(i18n.t('leader.team'), followUps.team, locale, i18n)}
      </Text>
      <Text as="p" block data-testid="leader-figures-nudged">
        {i18n.t('leader.nudged', { yours: formatCount(followUps.yours.nudged, locale), team: formatCount(followUps.team.nudged, locale) })}
      </Text>
      <Text as="p" block size={200} data-testid="leader-figures-definition">
        {i18n.t('leader.definition')}
      </Text>
    </div>
  );
}
