import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { TEAM_EXPORT_KINDS, teamExportFilename, type TeamExportKind } from '../../../bot/domain/team-export-csv.js';
import type { ApiClient } from '../api/api-client.js';
import { Problem } from '../components/Problem.js';
import { useFileDownload } from '../components/use-file-download.js';

const useStyles = makeStyles({
  text: { margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

const LABELS: Record<TeamExportKind, { button: string; what: string }> = {
  entries: { button: 'Entries', what: 'learning entries' },
  participation: { button: 'Participation by week', what: 'participation' },
  goals: { button: 'Goals', what: 'goals' },
  'follow-ups': { button: 'Follow-ups', what: 'follow-ups' },
};

export function teamExportPath(teamId: string, kind: TeamExportKind, weeks: number): string {
  return `/api/v1/teams/${encodeURIComponent(teamId)}/exports/${kind}.csv?weeks=${weeks}`;
}

interface Props {
  client: ApiClient;
  teamId: string;
  teamName: string;
  weeks: number;
}

/** A lead's downloads of the team's records for the period on screen, one CSV file each. */
export function TeamExports({ client, teamId, teamName, weeks }: Props) {
  const styles = useStyles();
  const { busy, status, problem, download } = useFileDownload<TeamExportKind>();
  const save = (kind: TeamExportKind) =>
    download(kind, {
      fetchText: () => client.getText(teamExportPath(teamId, kind, weeks)),
      fileName: teamExportFilename(kind, teamName, weeks),
      type: 'text/csv;charset=utf-8',
      what: `download the team’s ${LABELS[kind].what}`,
      saved: `Downloaded the team’s ${LABELS[kind].what} for the last ${weeks} weeks.`,
    });
  return (
    <>
      <Text as="p" className={styles.text}>
        CSV files of the last {weeks} weeks, for a spreadsheet. Entries are only those each member lets their leads see; goals show how each
        stands, without the learner’s notes.
      </Text>
      <div className={styles.actions}>
        {TEAM_EXPORT_KINDS.map((kind) => (
          <Button key={kind} disabledFocusable={busy !== null} onClick={() => void save(kind)} data-testid={`export-${kind}`}>
            {busy === kind ? 'Downloading…' : LABELS[kind].button}
          </Button>
        ))}
      </div>
      <Text as="p" role="status" className={styles.text} data-testid="team-exports-status">
        {status}
      </Text>
      {problem && <Problem message={problem.message} onRetry={problem.retry} />}
    </>
  );
}
