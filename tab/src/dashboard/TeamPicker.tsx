import { Dropdown, Field, Option, makeStyles } from '@fluentui/react-components';
import type { TeamSummary } from '../api/dashboard-types.js';

const useStyles = makeStyles({ picker: { maxWidth: '360px' } });

/** For someone in several teams who opened the dashboard outside a team (e.g. as a personal tab). */
export function TeamPicker({ teams, teamId, onChoose }: { teams: TeamSummary[]; teamId: string; onChoose(teamId: string): void }) {
  const styles = useStyles();
  const current = teams.find((t) => t.teamId === teamId);
  return (
    <Field label="Team" className={styles.picker}>
      <Dropdown
        value={current ? teamLabel(current) : ''}
        selectedOptions={[teamId]}
        onOptionSelect={(_event, data) => {
          if (data.optionValue) onChoose(data.optionValue);
        }}
        data-testid="team-picker"
      >
        {teams.map((team) => (
          <Option key={team.teamId} value={team.teamId} text={teamLabel(team)}>
            {teamLabel(team)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

const teamLabel = (team: TeamSummary) => (team.role === 'lead' ? `${team.name} (lead)` : team.name);
