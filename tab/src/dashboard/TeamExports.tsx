import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { TEAM_EXPORT_KINDS, teamExportFilename, type TeamExportKind } from '../../../bot/contract/team-export.js';
import type { ApiClient } from '../api/api-client.js';
import { Problem } from '../components/Problem.js';
import { useFileDownload } from '../components/use-file-download.js';
import type { MessageKey } from '../i18n/catalog.js';
import { useT } from '../i18n/i18n-context.js';

const useStyles = makeStyles({
  text: { margin: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** `saved` is a plural message: how many weeks were downloaded. */
const LABELS: Record<TeamExportKind, { button: MessageKey; failed: MessageKey; saved: string }> = {
  entries: { button: 'exports.entries', failed: 'exports.entriesFailed', saved: 'exports.entriesSaved' },
  participation: { button: 'exports.participation', failed: 'exports.participationFailed', saved: 'exports.participationSaved' },
  goals: { button: 'exports.goals', failed: 'exports.goalsFailed', saved: 'exports.goalsSaved' },
  'follow-ups': { button: 'exports.followUps', failed: 'exports.followUpsFailed', saved: 'exports.followUpsSaved' },
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
  const { t, plural } = useT();
  const { busy, status, problem, download } = useFileDownload<TeamExportKind>();
  const save = (kind: TeamExportKind) =>
    download(kind, {
      fetchText: () => client.getText(teamExportPath(teamId, kind, weeks)),
      fileName: teamExportFilename(kind, teamName, weeks),
      type: 'text/csv;charset=utf-8',
      failed: t(LABELS[kind].failed),
      saved: plural(LABELS[kind].saved, weeks),
    });
  return (
    <>
      <Text as="p" className={styles.text}>
        {plural('exports.intro', weeks)}
      </Text>
      <div className={styles.actions}>
        {TEAM_EXPORT_KINDS.map((kind) => (
          <Button key={kind} disabledFocusable={busy !== null} onClick={() => void save(kind)} data-testid={`export-${kind}`}>
            {busy === kind ? t('myData.downloading') : t(LABELS[kind].button)}
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
