import { Button, Field, MessageBar, MessageBarBody, Select, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiClient } from '../api/api-client.js';
import { DEFAULT_PERIOD, type DashboardPeriod } from '../api/dashboard-types.js';
import type { OrganisationWeek, ReportResponse, TeamReportResponse } from '../api/report-types.js';
import { useApiData } from '../api/use-api-data.js';
import { Problem } from '../components/Problem.js';
import { saveFile } from '../components/save-file.js';
import { PERIOD_PANEL_ID, PeriodPicker, periodTabId } from '../dashboard/PeriodPicker.js';
import { formatDate } from '../format.js';
import { useT } from '../i18n/i18n-context.js';
import { failureMessage } from '../i18n/failure.js';
import { LazyReportChart } from './LazyReportChart.js';
import { ReportLevels } from './ReportLevels.js';
import { LeadTable, ReportSection, TeamTable, WeekTable } from './ReportTables.js';
import { csvFileName, organisationWeeks } from './report-view.js';
import { useMoreRows } from './use-more-rows.js';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  panel: { display: 'grid', gap: tokens.spacingVerticalXL },
  text: { margin: 0 },
  asOf: { margin: 0, color: tokens.colorNeutralForeground2 },
  teamChoice: { maxWidth: '320px' },
  more: { justifySelf: 'start' },
});

const ALL_TEAMS = '';
/** How often the service's report job brings the figures up to date, as the page tells admins. */
const REFRESH_MINUTES = 15;
type ReadyReport = Extract<ReportResponse, { status: 'ready' }>;

/**
 * The three-level report across every team in the organisation, for a chosen period. The figures
 * are computed in the background, so the page says when they were, or that they are on their way.
 */
export function AccountabilityReport({ client, locale }: { client: ApiClient; locale: string }) {
  const styles = useStyles();
  const i18n = useT();
  const { t } = i18n;
  const [weeks, setWeeks] = useState<DashboardPeriod>(DEFAULT_PERIOD);
  const [saved, setSaved] = useState<{ ok: boolean; message: string }>();
  const [downloading, setDownloading] = useState(false);
  const report = useApiData<ReportResponse>(client, `/api/v1/admin/report?weeks=${weeks}`, t('report.loadFailed'));
  // The answer for another period stays on screen, dimmed, until the new one lands.
  const current = report.data?.weeks === weeks ? report.data : undefined;
  const shown = current ?? report.data;
  // The service writes the CSV from its stored figures, a page at a time; the tab fetches it with its sign-in token.
  const download = async () => {
    setDownloading(true);
    try {
      const text = await client.getText(`/api/v1/admin/report.csv?weeks=${weeks}`);
      // A byte-order mark, so spreadsheet programs read names in any script as UTF-8.
      saveFile(['\uFEFF', text], csvFileName(weeks, new Date()), 'text/csv;charset=utf-8');
      setSaved({ ok: true, message: i18n.plural('report.downloaded', weeks) });
    } catch (error) {
      setSaved({ ok: false, message: failureMessage(i18n, t('report.downloadFailed'), error) });
    } finally {
      setDownloading(false);
    }
  };

  return (
    <>
      <div className={styles.bar}>
        <PeriodPicker value={weeks} onChange={setWeeks} />
        <Button disabled={current?.status !== 'ready' || downloading} onClick={() => void download()} data-testid="download-csv">
          {t('report.download')}
        </Button>
      </div>
      <Text as="p" role="status" className={styles.text} data-testid="download-status">
        {saved?.ok ? saved.message : ''}
      </Text>
      {saved && !saved.ok && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{saved.message}</MessageBarBody>
        </MessageBar>
      )}
      {report.error && <Problem message={report.error} onRetry={report.reload} />}
      {!shown && report.loading && <Spinner label={t('report.loading')} />}
      {shown?.status === 'preparing' && (
        <MessageBar intent="info" layout="multiline" data-testid="report-preparing">
          <MessageBarBody>{t('report.preparing')}</MessageBarBody>
          <Button onClick={report.reload} disabled={report.loading}>
            {t('report.checkAgain')}
          </Button>
        </MessageBar>
      )}
      {shown?.status === 'ready' && (
        <div id={PERIOD_PANEL_ID} role="tabpanel" aria-labelledby={periodTabId(weeks)} aria-busy={report.loading} className={styles.panel}>
          <Text as="p" className={styles.asOf} data-testid="report-as-of">
            {i18n.plural('report.asOf', REFRESH_MINUTES, { time: formatDate(shown.asOf, locale) })}
          </Text>
          {shown.teams.rows.length === 0 ? (
            <Text as="p" className={styles.text}>
              {t('report.noTeams')}
            </Text>
          ) : (
            // A new answer (another period, newer figures) starts its tables from their first page.
            <ReportBody key={`${shown.weeks}|${shown.asOf}`} report={shown} client={client} locale={locale} />
          )}
        </div>
      )}
    </>
  );
}

function ReportBody({ report, client, locale }: { report: ReadyReport; client: ApiClient; locale: string }) {
  const styles = useStyles();
  const { t } = useT();
  const more = (list: 'teams' | 'leads') => (cursor: string) =>
    `/api/v1/admin/report/${list}?weeks=${report.weeks}&cursor=${encodeURIComponent(cursor)}`;
  const teams = useMoreRows(client, report.teams, more('teams'));
  const leads = useMoreRows(client, report.leads, more('leads'));
  const [teamId, setTeamId] = useState(ALL_TEAMS);
  const chosen = teams.rows.find((team) => team.teamId === teamId);
  return (
    <>
      <ReportSection title={t('report.levels')} testId="report-levels">
        <ReportLevels total={report.totals.total} locale={locale} />
      </ReportSection>
      <ReportSection title={t('report.byTeam')} testId="report-by-team">
        <TeamTable rows={teams.rows} locale={locale} expectations={report.expectations} />
        <MoreButton list={teams} label={t('report.moreTeams')} testId="more-teams" />
      </ReportSection>
      <ReportSection title={t('report.leads')} testId="report-by-lead">
        <LeadTable leads={leads.rows} locale={locale} expectations={report.expectations} />
        <MoreButton list={leads} label={t('report.moreLeads')} testId="more-leads" />
      </ReportSection>
      <ReportSection title={t('report.overTime')} testId="report-over-time">
        <Field label={t('report.show')} className={styles.teamChoice}>
          <Select value={teamId} onChange={(_e, data) => setTeamId(data.value)} data-testid="report-team-choice">
            <option value={ALL_TEAMS}>{t('report.allTeams')}</option>
            {teams.rows.map((team) => (
              <option key={team.teamId} value={team.teamId}>
                {team.teamName}
              </option>
            ))}
          </Select>
        </Field>
        {chosen ? (
          <TeamOverTime
            key={chosen.teamId}
            client={client}
            weeks={report.weeks}
            teamId={chosen.teamId}
            scope={chosen.teamName}
            locale={locale}
          />
        ) : (
          <OverTime weeks={report.totals.weeks} scope={t('report.allTeamsScope')} locale={locale} />
        )}
      </ReportSection>
    </>
  );
}

function MoreButton({ list, label, testId }: { list: ReturnType<typeof useMoreRows>; label: string; testId: string }) {
  const styles = useStyles();
  return (
    <>
      {list.error && <Problem message={list.error} onRetry={list.more} />}
      {list.hasMore && (
        <Button className={styles.more} onClick={list.more} disabled={list.loading} data-testid={testId}>
          {label}
        </Button>
      )}
      {list.loading && <Spinner size="tiny" label={label} />}
    </>
  );
}

function OverTime({ weeks, scope, locale }: { weeks: readonly OrganisationWeek[]; scope: string; locale: string }) {
  return (
    <>
      <LazyReportChart weeks={weeks} scope={scope} locale={locale} />
      <WeekTable weeks={weeks} scope={scope} locale={locale} />
    </>
  );
}

/** One team's weeks, asked for when the team is chosen. */
function TeamOverTime(props: { client: ApiClient; weeks: number; teamId: string; scope: string; locale: string }) {
  const { t } = useT();
  const team = useApiData<TeamReportResponse>(
    props.client,
    `/api/v1/admin/report/teams/${encodeURIComponent(props.teamId)}?weeks=${props.weeks}`,
    t('report.teamFailed'),
  );
  if (team.error) return <Problem message={team.error} onRetry={team.reload} />;
  if (!team.data) return <Spinner label={t('common.loading')} />;
  return <OverTime weeks={organisationWeeks(team.data.rows).weeks} scope={props.scope} locale={props.locale} />;
}
