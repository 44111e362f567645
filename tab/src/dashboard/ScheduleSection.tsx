import { Spinner, Subtitle1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense, useId } from 'react';
import type { ApiClient } from '../api/api-client.js';
import type { DashboardResponse, TeamSettings } from '../api/dashboard-types.js';
import { ChunkBoundary, useRetryableLazy } from '../components/ChunkBoundary.js';
import { useAfterPaint } from '../components/use-after-paint.js';
import { ScheduleSummary } from './ScheduleSummary.js';
import { useT } from '../i18n/i18n-context.js';

// Only leads edit, and the form brings the service's validation rules (zod, luxon) with it: load it for them alone.
const loadForm = () => import('./ScheduleForm.js');

const useStyles = makeStyles({
  section: { display: 'grid', gap: tokens.spacingVerticalM, '& > h2, & > p': { margin: 0 } },
});

interface Props {
  client: ApiClient;
  teamId: string;
  locale: string;
  isLead: boolean;
  settings: DashboardResponse['settings'];
  /** The channel the tab sits in, if Teams said. */
  channelId: string | undefined;
  onSaved(settings: TeamSettings): void;
}

export function ScheduleSection({ client, teamId, locale, isLead, settings, channelId, onSaved }: Props) {
  const styles = useStyles();
  const headingId = useId();
  const { t } = useT();
  const { attempt, Lazy: ScheduleForm, retry } = useRetryableLazy(loadForm);
  // The form (its code and the team's channels) waits for the dashboard's first view to be painted.
  const painted = useAfterPaint();
  const loading = <Spinner size="small" label={t('schedule.formLoading')} />;
  return (
    <section aria-labelledby={headingId} className={styles.section} data-testid="schedule-section">
      <Subtitle1 as="h2" id={headingId}>
        {t('schedule.title')}
      </Subtitle1>
      <ScheduleSummary schedule={settings.schedule} locale={locale} isLead={isLead} />
      {isLead ? (
        <ChunkBoundary key={attempt} onRetry={retry} message={t('schedule.formFailed')}>
          <Suspense fallback={loading}>
            {painted ? (
              <ScheduleForm client={client} teamId={teamId} locale={locale} settings={settings} channelId={channelId} onSaved={onSaved} />
            ) : (
              loading
            )}
          </Suspense>
        </ChunkBoundary>
      ) : (
        <Text as="p">{t('schedule.leadsOnly')}</Text>
      )}
    </section>
  );
}
