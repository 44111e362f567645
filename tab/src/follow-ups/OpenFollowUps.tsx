import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { ApiFailure, type ApiClient } from '../api/api-client.js';
import {
  FOLLOW_UP_NOTE_MAX,
  type CloseFollowUpResponse,
  type FollowUp,
  type FollowUpsResponse,
} from '../../../bot/contract/follow-up-rules.js';
import { useApiData } from '../api/use-api-data.js';
import { LoadedList } from '../components/LoadedList.js';
import { formatDate } from '../format.js';
import { failureMessage } from '../i18n/failure.js';
import { useT } from '../i18n/i18n-context.js';
import { followUpReasonText } from '../dashboard/follow-up-reason.js';
import type { SectionHeading } from '../shares/lazy-section.js';
import { ArticleHeader, ShareArticle } from '../shares/ShareArticle.js';
import { closeFollowUpPath, followUpItemsPath } from './follow-up-item-paths.js';

const DAY_MS = 86_400_000;

const useStyles = makeStyles({
  text: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  form: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'flex-end' },
  note: { flexGrow: 1, minWidth: '16rem' },
  // Always rendered, so screen readers are listening before a follow-up is closed.
  status: { margin: 0 },
});

interface Props {
  client: ApiClient;
  teamId: string;
  locale: string;
  heading: SectionHeading;
  /** The time now, for how long each has waited; injected in tests. */
  now?: () => Date;
}

/**
 * The follow-ups the team's members opened by answering a nudge "I need help" or "Let's talk",
 * oldest first, each closed with a short note the learner is told; then the latest closed. Leads only.
 */
export function OpenFollowUps({ client, teamId, locale, heading, now = () => new Date() }: Props) {
  const styles = useStyles();
  const { t } = useT();
  const { data, loading, error, reload } = useApiData<FollowUpsResponse>(client, followUpItemsPath(teamId), t('followUpItems.loadFailed'));
  const [announcement, setAnnouncement] = useState('');
  const closedId = useId();
  const closed = (said: string) => {
    setAnnouncement(said);
    reload();
  };
  return (
    <>
      <Text as="p" className={styles.text} data-testid="follow-up-definition">
        {t('followUpItems.definition')}
      </Text>
      <LoadedList
        items={data?.open}
        loading={loading}
        error={error}
        onRetry={reload}
        loadingLabel={t('followUpItems.loading')}
        empty={t('followUpItems.empty')}
        emptyTestId="open-follow-ups-empty"
        labelledBy={heading.id}
        itemTestId="open-follow-up"
        keyOf={(f) => f.followUpId}
        renderItem={(f) => (
          <OpenItem followUp={f} expectedDays={data?.expectedDays ?? 7} client={client} locale={locale} now={now} onClosed={closed} />
        )}
      />
      <p role="status" className={styles.status}>
        {announcement}
      </p>
      {data && data.closed.length > 0 && (
        <>
          <Text as="h3" id={closedId} weight="semibold" size={400}>
            {t('followUpItems.closedTitle')}
          </Text>
          <ul aria-labelledby={closedId} className={styles.text} data-testid="closed-follow-ups">
            {data.closed.map((f) => (
              <li key={f.followUpId} data-testid="closed-follow-up">
                {t('followUpItems.closedLine', {
                  learner: f.learnerName,
                  lead: f.closed?.by.displayName ?? '',
                  date: f.closed ? formatDate(f.closed.at, locale) : '',
                  note: f.closed?.note ?? '',
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

function OpenItem({
  followUp,
  expectedDays,
  client,
  locale,
  now,
  onClosed,
}: {
  followUp: FollowUp;
  expectedDays: number;
  client: ApiClient;
  locale: string;
  now: () => Date;
  onClosed: (announcement: string) => void;
}) {
  const styles = useStyles();
  const i18n = useT();
  const { t } = i18n;
  const titleId = useId();
  const [note, setNote] = useState('');
  const [state, setState] = useState<
    { phase: 'idle' | 'closing' } | { phase: 'refused'; field: string } | { phase: 'failed'; problem: string }
  >({
    phase: 'idle',
  });
  const waited = Math.max(0, Math.floor((now().getTime() - Date.parse(followUp.openedAt)) / DAY_MS));
  const reason = followUpReasonText({ followUpReason: followUp.reason, followUpWhy: followUp.why ?? undefined }, i18n);
  const close = async () => {
    setState({ phase: 'closing' });
    try {
      const { learnerTold } = await client.send<CloseFollowUpResponse>('POST', closeFollowUpPath(followUp.teamId, followUp.followUpId), {
        note,
      });
      onClosed(t(learnerTold ? 'followUpItems.closed' : 'followUpItems.closedNotTold', { name: followUp.learnerName }));
    } catch (error) {
      // A note the service refused is said beside the box, with what was typed kept.
      const field = error instanceof ApiFailure && error.status === 400 ? error.errors.find((e) => e.field === 'note') : undefined;
      if (field)
        setState({
          phase: 'refused',
          field: t(note.trim() === '' ? 'followUpItems.noteMissing' : 'followUpItems.noteTooLong', { max: FOLLOW_UP_NOTE_MAX }),
        });
      else if (error instanceof ApiFailure && error.status === 409)
        onClosed(t('followUpItems.alreadyClosed', { name: followUp.learnerName }));
      else
        setState({ phase: 'failed', problem: failureMessage(i18n, t('followUpItems.closeFailed', { name: followUp.learnerName }), error) });
    }
  };
  return (
    <ShareArticle labelledBy={titleId}>
      <ArticleHeader
        titleId={titleId}
        title={followUp.learnerName}
        byline={t('followUpItems.byline', {
          answer: t(followUp.answer === 'need-help' ? 'nudge.answerNeedHelp' : 'nudge.answerLetsTalk'),
          lead: followUp.nudgedBy.displayName,
          date: formatDate(followUp.openedAt, locale),
        })}
      />
      {reason && <Text className={styles.muted}>{t('followUpItems.reason', { reason })}</Text>}
      <Text className={waited > expectedDays ? styles.overdue : styles.muted} data-testid="follow-up-waited">
        {t(waited > expectedDays ? 'followUpItems.overdue' : 'followUpItems.waiting', { days: waited, expected: expectedDays })}
      </Text>
      <form
        className={styles.form}
        onSubmit={(event) => {
          event.preventDefault();
          void close();
        }}
      >
        <Field
          className={styles.note}
          label={t('followUpItems.noteLabel', { name: followUp.learnerName })}
          hint={t('followUpItems.noteHint', { length: note.length, max: FOLLOW_UP_NOTE_MAX })}
          validationMessage={state.phase === 'refused' ? state.field : state.phase === 'failed' ? state.problem : undefined}
          validationState={state.phase === 'refused' || state.phase === 'failed' ? 'error' : 'none'}
        >
          <Input
            value={note}
            maxLength={FOLLOW_UP_NOTE_MAX}
            placeholder={t('followUpItems.notePlaceholder')}
            onChange={(_, d) => setNote(d.value)}
          />
        </Field>
        <Button type="submit" appearance="primary" disabled={state.phase === 'closing'} aria-describedby={titleId}>
          {t('followUpItems.close')}
        </Button>
      </form>
    </ShareArticle>
  );
}
