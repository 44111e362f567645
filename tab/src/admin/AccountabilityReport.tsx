import { Button, Field, MessageBar, MessageBarBody, Select, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { ApiClient } from '../api/api-client.js';
import { DEFAULT_PERIOD, type DashboardPeriod } from '../api/dashboard-types.js';
import type { ReportResponse } from '../api/report-types.js';
import { useApiData } from '../api/use-api-data.js';
import { Problem } from '../components/Problem.js';
import { PERIOD_PANEL_ID, PeriodPicker, periodTabId } from '../dashboard/PeriodPicker.js';
import { useT } from '../i18n/i18n-context.js';
import { failureMessage } from '../i18n/failure.js';
import { downloadReportCsv } from './download-csv.js';
import { LazyReportChart } from './LazyReportChart.js';
import { ReportLevels } from './ReportLevels.js';
import { LeadTable, ReportSection, TeamTable, WeekTable } from './ReportTables.js';
import { csvFileName, organisationWeeks, teamLines } from './report-view.js';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  panel: { display: 'grid', gap: tokens.spacingVerticalXL },
  text: { margin: 0 },
  teamChoice: { maxWidth: '320px' },
});

const ALL_TEAMS = '';

/** The three-level report across every team in the organisation, for a chosen period. */
export function AccountabilityReport({ client, locale }: { client: ApiClient; locale: string }) {
  const styles = useStyles();
  const i18n = useT();
  const { t } = i18n;
  const [weeks, setWeeks] = useState<DashboardPeriod>(DEFAULT_PERIOD);
  const [saved, setSaved] = useState<{ ok: boolean; message: string }>();
  const report = useApiData<ReportResponse>(client, `/api/v1/admin/report?weeks=${weeks}`, t('report.loadFailed'));
  // Saved in the browser from the rows on screen: it can fail only there (a blocked download), said in words.
  const download = (loaded: ReportResponse['rows']) => {
    try {
      downloadReportCsv(loaded, csvFileName(weeks, new Date()));
      return { ok: true, message: t('report.downloaded', { weeks }) };
    } catch (error) {
      return { ok: false, message: failureMessage(i18n, t('report.downloadFailed'), error) };
    }
  };
  // The answer for another period stays on screen, dimmed, until the new one lands.
  const rows = report.data?.weeks === weeks ? report.data.rows : undefined;
  const shownRows = rows ?? report.data?.rows;

  return (
    <>
      <div className={styles.bar}>
        <PeriodPicker value={weeks} onChange={setWeeks} />
        <Button disabled={!rows} onClick={() => rows && setSaved(download(rows))} data-testid="download-csv">
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
      {!shownRows && report.loading && <Spinner label={t('report.loading')} />}
      {shownRows && (
        <div id={PERIOD_PANEL_ID} role="tabpanel" aria-labelledby={periodTabId(weeks)} aria-busy={report.loading} className={styles.panel}>
          {teamLines(shownRows).length === 0 ? (
            <Text as="p" className={styles.text}>
              {t('report.noTeams')}
            </Text>
          ) : (
            <ReportBody rows={shownRows} locale={locale} />
          )}
        </div>
      )}
    </>
  );
}

function ReportBody({ rows, locale }: { rows: ReportResponse['rows']; locale: string }) {
  const styles = useStyles();
  const { t } = useT();
  const teams = teamLines(rows);
  const [teamId, setTeamId] = useState(ALL_TEAMS);
  const chosen = teams.find((team) => team.teamId === teamId);
  const overTime = useMemo(() => organisationWeeks(chosen ? rows.filter((r) => r.teamId === chosen.teamId) : rows).weeks, [rows, chosen]);
  const scope = chosen ? chosen.teamName : t('report.allTeamsScope');
  return (
    <>
      <ReportSection title={t('report.levels')} testId="report-levels">
        <ReportLevels rows={rows} locale={locale} />
      </ReportSection>
      <ReportSection title={t('report.byTeam')} testId="report-by-team">
        <TeamTable rows={rows} locale={locale} />
      </ReportSection>
      <ReportSection title={t('report.leads')} testId="report-by-lead">
        <LeadTable rows={rows} locale={locale} />
      </ReportSection>
      <ReportSection title={t('report.overTime')} testId="report-over-time">
        <Field label={t('report.show')} className={styles.teamChoice}>
          <Select value={teamId} onChange={(_e, data) => setTeamId(data.value)} data-testid="report-team-choice">
            <option value={ALL_TEAMS}>{t('report.allTeams')}</option>
            {teams.map((team) => (
              <option key={team.teamId} value={team.teamId}>
                {team.teamName}
              </option>
            ))}
          </Select>
        </Field>
        <LazyReportChart weeks={overTime} scope={scope} locale={locale} />
        <WeekTable weeks={overTime} scope={scope} locale={locale} />
      </ReportSection>
    </>
  );
}
