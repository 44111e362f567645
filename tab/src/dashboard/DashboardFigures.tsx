import { Spinner, Subtitle1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useMemo } from 'react';
import type { DashboardPeriod, DashboardResponse } from '../api/dashboard-types.js';
import type { Nudging } from '../follow-ups/NudgeButton.js';
import { chartData } from './chart-data.js';
import { ChartTables } from './ChartTables.js';
import { LeaderFiguresTiles } from './LeaderFiguresTiles.js';
import { LazyCharts } from './LazyCharts.js';
import { MemberTable } from './MemberTable.js';
import { PERIOD_PANEL_ID, periodTabId } from './PeriodPicker.js';
import type { RoleChanging } from './RoleButton.js';
import { SummaryTiles } from './SummaryTiles.js';
import { useT } from '../i18n/i18n-context.js';

const useStyles = makeStyles({
  panel: { display: 'grid', gap: tokens.spacingVerticalXL },
  section: { display: 'grid', gap: tokens.spacingVerticalM, '& > h2': { margin: 0 } },
  range: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  empty: {
    padding: tokens.spacingVerticalL,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
  },
});

interface Props {
  dashboard: DashboardResponse;
  /** The period picked; the dashboard shown may still be the previous one's while `updating`. */
  weeks: DashboardPeriod;
  locale: string;
  updating: boolean;
  /** Leads only: what the member table's Nudge buttons need. */
  nudging?: Nudging | undefined;
  /** Leads only: what the member table's Make lead / Remove as lead buttons need. */
  roles?: RoleChanging | undefined;
  /** The team shown: with it, a lead's member table links to each member's entries. */
  teamId?: string | undefined;
}

/** Everything that depends on the period: the panel the period tabs control. */
export function DashboardFigures({ dashboard, weeks, locale, updating, nudging, roles, teamId }: Props) {
  const styles = useStyles();
  const ids = { summary: useId(), charts: useId(), followUps: useId(), members: useId() };
  const i18n = useT();
  const { t, plural } = i18n;
  const data = useMemo(() => chartData(dashboard, locale, i18n), [dashboard, locale, i18n]);
  const isLead = dashboard.role === 'lead';
  const { totals } = dashboard;
  const quiet = totals.entries === 0 && totals.responded + totals.nothing + totals.noAnswer === 0;

  return (
    <div id={PERIOD_PANEL_ID} role="tabpanel" aria-labelledby={periodTabId(weeks)} aria-busy={updating} className={styles.panel}>
      <div className={styles.range}>
        <Text as="p" data-testid="period-range">
          {plural('figures.range', dashboard.period.weeks, { range: data.range })}
        </Text>
        {updating && <Spinner size="tiny" label={plural('figures.loadingWeeks', weeks)} />}
      </div>
      {quiet ? (
        <Text as="p" className={styles.empty} data-testid="dashboard-empty">
          {plural(isLead ? 'figures.emptyLead' : 'figures.emptyMember', dashboard.period.weeks)}
        </Text>
      ) : (
        <>
          <section aria-labelledby={ids.summary} className={styles.section}>
            <Subtitle1 as="h2" id={ids.summary}>
              {t('figures.summary')}
            </Subtitle1>
            <SummaryTiles totals={totals} locale={locale} />
          </section>
          <section aria-labelledby={ids.charts} className={styles.section}>
            <Subtitle1 as="h2" id={ids.charts}>
              {t('figures.charts')}
            </Subtitle1>
            <LazyCharts data={data} locale={locale} />
            <ChartTables data={data} locale={locale} />
          </section>
        </>
      )}
      {isLead && dashboard.followUps && (
        <section aria-labelledby={ids.followUps} className={styles.section}>
          <Subtitle1 as="h2" id={ids.followUps}>
            {t('figures.yourFollowUps')}
          </Subtitle1>
          <LeaderFiguresTiles followUps={dashboard.followUps} locale={locale} />
        </section>
      )}
      <section aria-labelledby={ids.members} className={styles.section}>
        <Subtitle1 as="h2" id={ids.members}>
          {isLead ? t('figures.members') : t('figures.yourProgress')}
        </Subtitle1>
        <MemberTable
          members={dashboard.members}
          locale={locale}
          canFilter={isLead}
          labelledBy={ids.members}
          nudging={isLead ? nudging : undefined}
          roles={isLead ? roles : undefined}
          entriesTeamId={isLead ? teamId : undefined}
          callerId={dashboard.callerId}
        />
      </section>
    </div>
  );
}
