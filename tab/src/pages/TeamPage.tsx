import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import type { ApiClient } from '../api/api-client.js';
import { PageLayout } from '../components/PageLayout.js';
import { DashboardPage } from '../dashboard/DashboardPage.js';
import { TeamPicker } from '../dashboard/TeamPicker.js';
import { useTeamChoice } from '../dashboard/use-team-choice.js';
import { useT } from '../i18n/i18n-context.js';
import { TeamMessages } from '../i18n/team-messages.js';

interface Props {
  client: ApiClient;
  locale: string;
  /** Known inside a team's tab (Teams context) or from `?team=` locally; otherwise the caller's teams are asked for. */
  teamId: string | undefined;
  channelId: string | undefined;
}

/** A team's dashboard, with the English only its parts use (see TeamMessages). */
export function TeamPage(props: Props) {
  return (
    <TeamMessages>
      <TeamPageContent {...props} />
    </TeamMessages>
  );
}

function TeamPageContent({ client, locale, teamId, channelId }: Props) {
  const { choice, retry, choose } = useTeamChoice(client, teamId);
  const { t } = useT();

  if (choice.status === 'chosen') {
    const picker = choice.teams.length > 1 ? <TeamPicker teams={choice.teams} teamId={choice.teamId} onChoose={choose} /> : undefined;
    // A new key per team: nothing of one team's figures or form lingers while the next loads.
    return (
      <DashboardPage key={choice.teamId} client={client} locale={locale} teamId={choice.teamId} channelId={channelId} teamPicker={picker} />
    );
  }
  return (
    <PageLayout title={t('page.team')} testId="team-dashboard">
      {choice.status === 'loading' && <Spinner label={t('team.finding')} />}
      {choice.status === 'failed' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{choice.message}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={retry}>{t('common.retry')}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {choice.status === 'none' && (
        <Text as="p" data-testid="no-teams">
          {t('team.none')}
        </Text>
      )}
    </PageLayout>
  );
}
