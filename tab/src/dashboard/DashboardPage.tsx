import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import type { ApiClient } from '../api/api-client.js';
import { DEFAULT_PERIOD, type DashboardPeriod } from '../api/dashboard-types.js';
import { PageLayout } from '../components/PageLayout.js';
import type { Nudging } from '../follow-ups/NudgeButton.js';
import { LazyFollowUps } from '../follow-ups/lazy-follow-ups.js';
import { LazyOpenFollowUps } from '../follow-ups/lazy-open-follow-ups.js';
import { LazyAwaitingActions } from '../follow-through/lazy-awaiting-actions.js';
import { LazyTeamRecommendations } from '../recommendations/lazy-recommendations.js';
import { LazySharesFeed, LazyTopResources } from '../shares/lazy-sections.js';
import { DashboardFigures } from './DashboardFigures.js';
import { PeriodPicker } from './PeriodPicker.js';
import { LazyTeamExports } from './lazy-team-exports.js';
import type { RoleChanging } from './RoleButton.js';
import { ScheduleSection } from './ScheduleSection.js';
import { useDashboard } from './use-dashboard.js';
import { useT } from '../i18n/i18n-context.js';

const useStyles = makeStyles({
  header: { display: 'grid', gap: tokens.spacingVerticalS },
  status: { margin: 0 },
});

interface Props {
  client: ApiClient;
  locale: string;
  teamId: string;
  channelId: string | undefined;
  /** Shown above the figures when the viewer can switch teams. */
  teamPicker?: ReactNode;
}

export function DashboardPage({ client, locale, teamId, channelId, teamPicker }: Props) {
  const styles = useStyles();
  const { t } = useT();
  const [weeks, setWeeks] = useState<DashboardPeriod>(DEFAULT_PERIOD);
  const { state, retry, settingsSaved } = useDashboard(client, teamId, weeks);
  const shown = state.phase === 'error' ? undefined : state.shown;
  const isLead = shown?.role === 'lead';
  // A nudge sent from the member table is announced there and refreshes the follow-ups below it, and the lead's figures.
  const [followUps, setFollowUps] = useState({ sent: 0, announcement: '' });
  const onNudged = useCallback(
    (announcement: string) => {
      setFollowUps((f) => ({ sent: f.sent + 1, announcement }));
      retry();
    },
    [retry],
  );
  // A role changed in the member table: said here, where it is heard even when the caller stepped down and the table went.
  const [roleAnnouncement, setRoleAnnouncement] = useState('');
  const roles = useMemo<RoleChanging>(
    () => ({
      client,
      teamId,
      onChanged: (announcement) => {
        setRoleAnnouncement(announcement);
        retry();
      },
    }),
    [client, teamId, retry],
  );
  const nudging = useMemo<Nudging | undefined>(
    () => (isLead ? { client, teamId, onSent: onNudged, announcement: followUps.announcement } : undefined),
    [isLead, client, teamId, onNudged, followUps.announcement],
  );

  return (
    <PageLayout title={t('page.team')} testId="team-dashboard" wide>
      {teamPicker}
      {shown && (
        <div className={styles.header}>
          <Text as="p" size={400} weight="semibold" data-testid="team-name">
            {shown.team.name}
          </Text>
          {!isLead && (
            <MessageBar intent="info" layout="multiline" data-testid="member-note">
              <MessageBarBody>{t('team.memberNote')}</MessageBarBody>
            </MessageBar>
          )}
          <Text as="p" role="status" className={styles.status} data-testid="role-status">
            {roleAnnouncement}
          </Text>
        </div>
      )}
      {state.phase === 'loading' && !shown && <Spinner label={t('page.team.loading')} />}
      {(shown || state.phase === 'error') && <PeriodPicker value={weeks} onChange={setWeeks} />}
      {state.phase === 'error' && (
        <MessageBar intent="error" layout="multiline" data-testid="dashboard-error">
          <MessageBarBody>{state.message}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={retry}>{t('common.retry')}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {shown && (
        <>
          <DashboardFigures
            dashboard={shown}
            weeks={weeks}
            locale={locale}
            updating={state.phase === 'loading'}
            nudging={nudging}
            roles={roles}
            teamId={teamId}
          />
          {/* Leads only: the service refuses a team's nudges to anyone else. */}
          {isLead && <LazyFollowUps client={client} teamId={teamId} locale={locale} refreshKey={followUps.sent} />}
          {isLead && <LazyOpenFollowUps client={client} teamId={teamId} locale={locale} />}
          {isLead && <LazyAwaitingActions client={client} teamId={teamId} locale={locale} />}
          {isLead && (
            <LazyTeamRecommendations client={client} teamId={teamId} locale={locale} members={shown.members} callerId={shown.callerId} />
          )}
          {isLead && <LazyTeamExports client={client} teamId={teamId} teamName={shown.team.name} weeks={weeks} />}
          <ScheduleSection
            client={client}
            teamId={teamId}
            locale={locale}
            isLead={isLead}
            settings={shown.settings}
            channelId={channelId}
            onSaved={settingsSaved}
          />
          <LazySharesFeed client={client} teamId={teamId} locale={locale} isLead={isLead} />
          <LazyTopResources client={client} teamId={teamId} locale={locale} />
        </>
      )}
    </PageLayout>
  );
}
