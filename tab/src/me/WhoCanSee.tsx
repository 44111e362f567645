import { Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { AudienceTeam } from '../../../bot/contract/api.js';
import { Problem } from '../components/Problem.js';
import { formatCalendarDay, visibilityLabel } from '../format.js';
import { useT } from '../i18n/i18n-context.js';
import type { ApiClient } from '../api/api-client.js';
import { useMyAudience } from './use-my-audience.js';

const useStyles = makeStyles({
  section: { display: 'grid', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL, display: 'grid', gap: tokens.spacingVerticalXS },
  text: { margin: 0 },
});

/**
 * What each choice of visibility means for this learner: "Only me" nobody else; "My team's leads"
 * the leads of each team they are in, for what they wrote since joining it; "My team" also the
 * team's learning channel. Named team by team, so nobody reads their log unseen.
 */
export function WhoCanSee({ client, locale }: { client: ApiClient; locale: string }) {
  const styles = useStyles();
  const headingId = useId();
  const teamsHeadingId = useId();
  const i18n = useT();
  const { t } = i18n;
  const { data, loading, error, reload } = useMyAudience(client);
  const choice = (v: 'private' | 'leads' | 'team') => visibilityLabel('choice', v, i18n);
  // An answer without the list (an older service, a stand-in) reads as no teams rather than breaking the page.
  const teams = data ? (data.teams ?? []) : undefined;

  return (
    <section aria-labelledby={headingId} className={styles.section} data-testid="who-can-see">
      <Text as="h2" id={headingId} size={500} weight="semibold" className={styles.heading}>
        {t('audience.title')}
      </Text>
      <ul className={styles.list}>
        <li>
          <strong>{choice('private')}</strong>: {t('audience.private')}
        </li>
        <li>
          <strong>{choice('leads')}</strong>: {t('audience.leads')}
        </li>
        <li>
          <strong>{choice('team')}</strong>: {t('audience.team')}
        </li>
      </ul>
      <Text as="h3" id={teamsHeadingId} size={400} weight="semibold" className={styles.heading}>
        {t('audience.teamsTitle')}
      </Text>
      {!data && loading && <Spinner size="small" label={t('audience.loading')} />}
      {!data && error && <Problem message={error} onRetry={reload} />}
      {teams && teams.length === 0 && (
        <Text as="p" className={styles.text}>
          {t('audience.noTeams')}
        </Text>
      )}
      {teams && teams.length > 0 && (
        <ul className={styles.list} aria-labelledby={teamsHeadingId}>
          {teams.map((team) => (
            <TeamAudience key={team.teamId} team={team} locale={locale} leadsChoice={choice('leads')} teamChoice={choice('team')} />
          ))}
        </ul>
      )}
    </section>
  );
}

function TeamAudience({
  team,
  locale,
  leadsChoice,
  teamChoice,
}: {
  team: AudienceTeam;
  locale: string;
  leadsChoice: string;
  teamChoice: string;
}) {
  const { t } = useT();
  const since = formatCalendarDay(team.joinedAt.slice(0, 10), locale);
  const leads = team.leads.map((l) => l.displayName).join(t('common.listSeparator'));
  return (
    <li data-testid="audience-team">
      <strong>{team.name}</strong>:{' '}
      {team.leads.length > 0
        ? t('audience.teamLeads', { date: since, choice: leadsChoice, leads })
        : t('audience.noLeads', { date: since, choice: leadsChoice })}{' '}
      {team.hasSharesChannel ? t('audience.channel', { choice: teamChoice }) : t('audience.noChannel', { choice: teamChoice })}
    </li>
  );
}
