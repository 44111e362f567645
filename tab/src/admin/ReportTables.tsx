import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';
import type { LeadLine, OrganisationWeek, ReportRow } from '../api/report-types.js';
import type { ReportExpectations } from '../api/ld-settings-types.js';
import { DataTable } from '../components/DataTable.js';
import { formatCount, formatPercent, formatWeekStart } from '../dashboard/dashboard-format.js';
import { formatMinutes } from '../format.js';
import { useT, type TabTranslator } from '../i18n/i18n-context.js';
import { followThroughText, goalsOnTrackText, medianDaysText } from './report-view.js';

const useStyles = makeStyles({
  section: { display: 'grid', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  text: { margin: 0, color: tokens.colorNeutralForeground2 },
});

const rate = (value: number | null, locale: string) => (value === null ? '—' : formatPercent(value, locale));

/** Every team for the whole period, at all three levels side by side. */
export function TeamTable({
  rows,
  locale,
  expectations,
}: {
  rows: readonly ReportRow[];
  locale: string;
  expectations?: ReportExpectations;
}) {
  const i18n = useT();
  const { t } = i18n;
  const count = (n: number) => formatCount(n, locale);
  return (
    <DataTable
      caption={t('report.teamsCaption')}
      testId="report-teams"
      columns={[
        t('report.team'),
        t('report.entries'),
        t('report.minutes'),
        t('report.ratings'),
        t('report.members'),
        t('report.responseRate'),
        t('report.insights'),
        t('report.actions'),
        t('report.results'),
        t('followThrough.rate'),
        t('followThrough.median'),
        t('report.goalsOnTrack'),
        t('report.followUpsDone'),
        t('report.medianTime'),
        ...(expectations ? [t('report.belowRate', { percent: formatPercent(expectations.flagResponseBelow / 100, locale) })] : []),
      ]}
      rows={rows.map((r) => ({
        key: r.teamId,
        header: r.teamName,
        cells: [
          count(r.system.entries),
          formatMinutes(r.system.minutes, locale),
          count(r.system.resourceRatings),
          count(r.learner.members),
          rate(r.learner.responseRate, locale),
          count(r.learner.insights),
          count(r.learner.actions),
          count(r.learner.results),
          followThroughText(r.learner, locale, i18n),
          medianDaysText(r.learner.medianDaysToResult, i18n),
          goalsOnTrackText(r, locale, i18n),
          followUps(r.leader.done, r.leader.requested, r.leader.rate, locale, i18n),
          medianDaysText(r.leader.medianDays, i18n),
          ...(expectations ? [flagged(r.learner.responseRate, expectations, i18n)] : []),
        ],
      }))}
    />
  );
}

/** Leaders are accountable too: each lead's own follow-ups, and what came of their team's actions. */
export function LeadTable({
  leads,
  locale,
  expectations,
}: {
  leads: readonly LeadLine[];
  locale: string;
  expectations?: ReportExpectations;
}) {
  const styles = useStyles();
  const i18n = useT();
  const { t } = i18n;
  if (leads.length === 0) {
    return (
      <Text as="p" className={styles.text}>
        {t('report.noLeads')}
      </Text>
    );
  }
  return (
    <>
      <Text as="p" className={styles.text} data-testid="report-follow-up-definition">
        {t('report.followUpDefinition')}
      </Text>
      {expectations && (
        <Text as="p" className={styles.text} data-testid="report-behind-definition">
          {i18n.plural('report.behindDefinition', expectations.followUpDays)}
        </Text>
      )}
      <DataTable
        caption={t('report.leadsCaption')}
        testId="report-leads"
        columns={[
          t('report.lead'),
          t('report.team'),
          t('report.followUpsAsked'),
          t('report.done'),
          t('report.rate'),
          t('report.medianTime'),
          t('report.nudged'),
          ...(expectations ? [i18n.plural('report.withinDays', expectations.followUpDays)] : []),
          t('report.overdueNow'),
          t('report.teamFollowThrough'),
        ]}
        rows={leads.map((l) => ({
          key: l.key,
          header: l.displayName,
          cells: [
            l.teamName,
            formatCount(l.requested, locale),
            formatCount(l.done, locale),
            rate(l.rate, locale),
            medianDaysText(l.medianDays, i18n),
            // Figures computed before the nudged count was kept have none until the next pass.
            l.nudged === undefined ? '' : formatCount(l.nudged, locale),
            ...(expectations ? [withinExpectation(l.medianDays, expectations, i18n)] : []),
            overdueText(l.overdue, locale, i18n),
            followThroughText(l, locale, i18n),
          ],
        }))}
      />
    </>
  );
}

/** One team or the whole organisation, week by week. */
export function WeekTable({ weeks, scope, locale }: { weeks: readonly OrganisationWeek[]; scope: string; locale: string }) {
  const i18n = useT();
  const { t } = i18n;
  const count = (n: number) => formatCount(n, locale);
  return (
    <DataTable
      caption={t('report.weeksCaption', { scope })}
      testId="report-weeks"
      columns={[
        t('report.weekStarting'),
        t('report.entries'),
        t('report.minutes'),
        t('report.ratings'),
        t('report.responseRate'),
        t('report.insights'),
        t('report.actions'),
        t('report.results'),
        t('followThrough.rate'),
        t('report.followUpsDone'),
      ]}
      rows={weeks.map((w) => ({
        key: w.week,
        header: w.weekStart ? formatWeekStart(w.weekStart, locale) : w.week,
        cells: [
          count(w.entries),
          formatMinutes(w.minutes, locale),
          count(w.resourceRatings),
          rate(w.responseRate, locale),
          count(w.insights),
          count(w.actions),
          count(w.results),
          followThroughText(w, locale, i18n),
          followUps(w.followUpsDone, w.followUpsRequested, w.followUpRate, locale, i18n),
        ],
      }))}
    />
  );
}

/** Whether a team answers fewer check-ins than L&D asks: flagged, or nothing to say. */
function flagged(responseRate: number | null, { flagResponseBelow }: ReportExpectations, { t }: Pick<TabTranslator, 't'>): string {
  return responseRate !== null && responseRate * 100 < flagResponseBelow ? t('report.flagged') : '';
}

/** Whether a lead's median time to follow up is within what L&D asks; a dash while none was done. */
function withinExpectation(medianDays: number | null, { followUpDays }: ReportExpectations, { t }: Pick<TabTranslator, 't'>): string {
  if (medianDays === null) return '—';
  return t(medianDays <= followUpDays ? 'report.yes' : 'report.no');
}

/** A lead's follow-ups overdue now, said to be behind when any are; empty for figures computed before they were kept. */
function overdueText(overdue: number | undefined, locale: string, { t }: Pick<TabTranslator, 't'>): string {
  if (overdue === undefined) return '';
  return overdue > 0 ? t('report.overdueBehind', { count: formatCount(overdue, locale) }) : formatCount(0, locale);
}

/** "2 of 3 (67%)", or a dash when nothing was asked. */
function followUps(done: number, requested: number, value: number | null, locale: string, { t }: Pick<TabTranslator, 't'>): string {
  if (requested === 0) return '—';
  return t('report.followUpsOf', { done: formatCount(done, locale), requested: formatCount(requested, locale), rate: rate(value, locale) });
}

export function ReportSection({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  const styles = useStyles();
  const headingId = useId();
  return (
    <section className={styles.section} data-testid={testId} aria-labelledby={headingId}>
      <Text as="h2" id={headingId} size={500} weight="semibold" className={styles.heading}>
        {title}
      </Text>
      {children}
    </section>
  );
}
