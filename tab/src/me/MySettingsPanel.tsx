import { Spinner, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useId, useState } from 'react';
import { describeFailure } from '../api/api-client.js';
import { Problem } from '../components/Problem.js';
import { formatDate } from '../format.js';
import { TimeZoneSetting } from './TimeZoneSetting.js';
import type { MySettings, UseMySettings } from './use-my-settings.js';

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
  // Always in the page, so screen readers hear what a save did without leaving the control.
  const [status, setStatus] = useState('');
  const { data, error, loading, reload, save } = settings;

  return (
    <section aria-labelledby={headingId} className={styles.section} data-testid="my-settings">
      <Text as="h2" id={headingId} size={500} weight="semibold" className={styles.heading}>
        Check-in settings
      </Text>
      {!data && loading && <Spinner size="small" label="Loading your check-in settings…" />}
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
          announce(wanted ? 'Check-ins paused. You will get no check-in cards until you resume.' : 'Check-ins resumed.');
        },
        (error: unknown) => {
          setPending(undefined);
          setProblem({ message: describeFailure(wanted ? 'pause your check-ins' : 'resume your check-ins', error), paused: wanted });
        },
      );
    },
    [save, announce],
  );

  return (
    <div className={styles.pause}>
      <Switch
        label="Pause my check-ins"
        checked={paused}
        aria-describedby={explanationId}
        onChange={(_, data) => pending === undefined && request(data.checked)}
      />
      <Text as="p" id={explanationId} className={styles.explanation}>
        {paused ? pausedExplanation(settings.pausedAt, locale) : 'Check-in cards arrive in your Teams chat on your team’s schedule. Pause them while you are away; your team’s leads will see that you paused.'}
      </Text>
      {problem && <Problem message={problem.message} onRetry={() => request(problem.paused)} />}
    </div>
  );
}

function pausedExplanation(pausedAt: string | null, locale: string): string {
  const since = pausedAt ? `Paused since ${formatDate(pausedAt, locale)}. ` : 'Paused. ';
  return `${since}You get no scheduled check-ins, and your team’s leads can see that you paused. You can still log learning any time: type check in to the bot.`;
}
