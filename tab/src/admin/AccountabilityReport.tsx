import { Button, Field, Select, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { ApiClient } from '../api/api-client.js';
import { DEFAULT_PERIOD, type DashboardPeriod } from '../api/dashboard-types.js';
import type { ReportResponse } from '../api/report-types.js';
import { useApiData } from '../api/use-api-data.js';
import { Problem } from '../components/Problem.js';
import { PERIOD_PANEL_ID, PeriodPicker, periodTabId } from '../dashboard/PeriodPicker.js';
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
  const [weeks, setWeeks] = useState<DashboardPeriod>(DEFAULT_PERIOD);
  const report = useApiData<ReportResponse>(client, `/api/v1/admin/report?weeks=${weeks}`, "Couldn't load the report");
  // The answer for another period stays on screen, dimmed, until the new one lands.
  const rows = report.data?.weeks === weeks ? report.data.rows : undefined;
  const shownRows = rows ?? report.data?.rows;

  return (
    <>
      <div className={styles.bar}>
        <PeriodPicker value={weeks} onChange={setWeeks} />
        <Button
          disabled={!rows}
          onClick={() => rows && downloadReportCsv(rows, csvFileName(weeks, new Date()))}
          data-testid="download-csv"
        >
          Download CSV
        </Button>
      </div>
      {report.error && <Problem message={report.error} onRetry={report.reload} />}
      {!shownRows && report.loading && <Spinner label="Loading the report…" />}
      {shownRows && (
        <div id={PERIOD_PANEL_ID} role="tabpanel" aria-labelledby={periodTabId(weeks)} aria-busy={report.loading} className={styles.panel}>
          {teamLines(shownRows).length === 0 ? (
            <Text as="p" className={styles.text}>
              No team in your organisation uses Learning Loop yet. Once a team adds the app, its figures show up here.
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
  const teams = teamLines(rows);
  const [teamId, setTeamId] = useState(ALL_TEAMS);
  const chosen = teams.find((t) => t.teamId === teamId);
  const overTime = useMemo(() => organisationWeeks(chosen ? rows.filter((r) => r.teamId === chosen.teamId) : rows).weeks, [rows, chosen]);
  const scope = chosen ? chosen.teamName : 'all teams';
  return (
    <>
      <ReportSection title="Three levels of accountability" testId="report-levels">
        <ReportLevels rows={rows} locale={locale} />
      </ReportSection>
      <ReportSection title="By team" testId="report-by-team">
        <TeamTable rows={rows} locale={locale} />
      </ReportSection>
      <ReportSection title="Leads" testId="report-by-lead">
        <LeadTable rows={rows} locale={locale} />
      </ReportSection>
      <ReportSection title="Over time" testId="report-over-time">
        <Field label="Show" className={styles.teamChoice}>
          <Select value={teamId} onChange={(_e, data) => setTeamId(data.value)} data-testid="report-team-choice">
            <option value={ALL_TEAMS}>All teams</option>
            {teams.map((t) => (
              <option key={t.teamId} value={t.teamId}>
                {t.teamName}
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
