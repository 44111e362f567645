import { Field, Select, makeStyles } from '@fluentui/react-components';
import type { TeamSummary } from '../api/dashboard-types.js';
import { useT } from '../i18n/i18n-context.js';

const useStyles = makeStyles({ picker: { maxWidth: '360px' } });

/** For someone in several teams who opened the dashboard outside a team (e.g. as a personal tab). */
export function TeamPicker({ teams, teamId, onChoose }: { teams: TeamSummary[]; teamId: string; onChoose(teamId: string): void }) {
  const styles = useStyles();
  const { t } = useT();
  return (
    <Field label={t('team.picker')} className={styles.picker}>
      <Select value={teamId} onChange={(_event, data) => onChoose(data.value)} data-testid="team-picker">
        {teams.map((team) => (
          <option key={team.teamId} value={team.teamId}>
            {team.role === 'lead' ? t('team.pickerLead', { name: team.name }) : team.name}
          </option>
        ))}
      </Select>
    </Field>
  );
}
