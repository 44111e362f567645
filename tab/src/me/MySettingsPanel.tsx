import { Spinner, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useId, useState } from 'react';
import { Problem } from '../components/Problem.js';
import { formatDate } from '../format.js';
import { TimeZoneSetting } from './TimeZoneSetting.js';
import type { MySettings, UseMySettings } from './use-my-settings.js';
import { failureMessage } from '../i18n/failure.js';
import { useT, type TabTranslator } from '../i18n/i18n-context.js';

const useStyles = makeStyles({
  section: { display: 'grid', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  // Side by side where there is room: neither needs much width, and the log below needs the height.
  controls: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(280px, 1fr))',
    gap: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXXL}`,
    alignItems: 'start',
  },
  pause: { display: 'grid', gap: tokens.spacingVerticalXS },
  explanation: { margin: 0, color: tokens.colorNeutralForeground2 },
  status: { margin: 0 },
});

/** The learner's own check-in settings: a pause, and the zone their check-ins follow. */
export function MySettingsPanel({ settings, locale }: { settings: UseMySettings; locale: string }) {
  const styles = useStyles();
  const headingId = useId();
  const { t } = useT();
  // Always in the page, so screen readers hear what a save did without leaving the control.
  const [status, setStatus] = useState('');
  const { data, error, loading, reload, save } = settings;

  return (
    <section aria-labelledby={headingId} className={styles.section} data-testid="my-settings">
      <Text as="h2" id={headingId} size={500} weight="semibold" className={styles.heading}>
        {t('settings.title')}
      </Text>
      {!data && loading && <Spinner size="small" label={t('settings.loading')} />}
      {!data && error && <Problem message={error} onRetry={reload} />}
      {data && (
        <div className={styles.controls}>
          <PauseSwitch settings={data} save={save} announce={setStatus} locale={locale} />
          <TimeZoneSetting saved={data.timeZone} save={save} announce={setStatus} />
        </div>
      )}
      <Text as="p" role="status" className={styles.status}>
        {status}
      </Text>
    </section>
  );
}

interface PauseProps {
  settings: MySettings;
  save: UseMySettings['save'];
  announce: (message: string) => void;
  locale: string;
}

function PauseSwitch({ settings, save, announce, locale }: PauseProps) {
  const styles = useStyles();
  const explanationId = useId();
  const i18n = useT();
  const { t } = i18n;
  // The switch shows what was asked for while the service answers, and flips back if it fails.
  const [pending, setPending] = useState<boolean | undefined>(undefined);
  const [problem, setProblem] = useState<{ message: string; paused: boolean } | undefined>(undefined);
  const paused = pending ?? settings.paused;

  const request = useCallback(
    (wanted: boolean) => {
      setPending(wanted);
      setProblem(undefined);
      announce('');
      save({ paused: wanted }).then(
        () => {
          setPending(undefined);
          announce(wanted ? t('settings.paused') : t('settings.resumed'));
        },
        (error: unknown) => {
          setPending(undefined);
          setProblem({
            message: failureMessage(i18n, wanted ? t('settings.pauseFailed') : t('settings.resumeFailed'), error),
            paused: wanted,
          });
        },
      );
    },
    [save, announce, i18n, t],
  );

  return (
    <div className={styles.pause}>
      <Switch
        label={t('settings.pause')}
        checked={paused}
        aria-describedby={explanationId}
        onChange={(_, data) => pending === undefined && request(data.checked)}
      />
      <Text as="p" id={explanationId} className={styles.explanation}>
        {paused ? pausedExplanation(settings.pausedAt, locale, i18n) : t('settings.activeExplanation')}
      </Text>
      {problem && <Problem message={problem.message} onRetry={() => request(problem.paused)} />}
    </div>
  );
}

function pausedExplanation(pausedAt: string | null, locale: string, { t }: TabTranslator): string {
  return pausedAt ? t('settings.pausedSince', { date: formatDate(pausedAt, locale) }) : t('settings.pausedNoDate');
}
