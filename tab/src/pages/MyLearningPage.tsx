import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { ApiClient } from '../api/api-client.js';
import type { Entry } from '../api/types.js';
import { ReportLink } from '../admin/ReportLink.js';
import { EntryList } from '../components/EntryList.js';
import { PageLayout } from '../components/PageLayout.js';
import { Problem } from '../components/Problem.js';
import { EntryActions } from '../entries/EntryActions.js';
import { useEntries } from '../entries/use-entries.js';
import { LazyCoaching } from '../coaching/lazy-coaching.js';
import { LazyOneToOnes } from '../one-to-one/lazy-one-to-ones.js';
import { LazyGoals } from '../goals/lazy-goals.js';
import { LazyMyData } from '../me/lazy-my-data.js';
import { MySettingsPanel } from '../me/MySettingsPanel.js';
import { MySummary } from '../me/MySummary.js';
import { WhoCanSee } from '../me/WhoCanSee.js';
import { useMySettings } from '../me/use-my-settings.js';
import { useMySummary } from '../me/use-my-summary.js';
import { LazyMyRecommendations } from '../recommendations/lazy-recommendations.js';
import { LazySavedList } from '../shares/lazy-sections.js';
import { useT } from '../i18n/i18n-context.js';
import { MessageWithElement } from '../i18n/MessageWithElement.js';

const useStyles = makeStyles({
  section: { display: 'grid', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  text: { margin: 0 },
});

interface Props {
  client: ApiClient;
  locale: string;
  /** How often the log refreshes while visible. */
  pollMs: number;
}

/** The learner's own page: how they are doing this month, their check-in settings, and their log. */
export function MyLearningPage({ client, locale, pollMs }: Props) {
  const styles = useStyles();
  const { t } = useT();
  const entries = useEntries(client, pollMs);
  const summary = useMySummary(client);
  const settings = useMySettings(client);
  const [announcement, setAnnouncement] = useState('');
  const logHeadingId = useId();
  const logHeading = useRef<HTMLHeadingElement>(null);
  const [focusLogAfter, setFocusLogAfter] = useState(0);

  useEffect(() => {
    // The Delete button that opened the dialog is gone with its entry: give focus a place to land.
    if (focusLogAfter > 0) logHeading.current?.focus();
  }, [focusLogAfter]);

  // A check-in logged in chat changes this month's totals, so the summary follows the log.
  const { reload: reloadSummary } = summary;
  const newestId = entries.state.entries[0]?.id;
  const lastNewestId = useRef(newestId);
  useEffect(() => {
    if (lastNewestId.current !== undefined && newestId !== undefined && newestId !== lastNewestId.current) reloadSummary();
    lastNewestId.current = newestId;
  }, [newestId, reloadSummary]);

  const { entryEdited, entryRemoved } = entries;
  const onEdited = useCallback(
    (entry: Entry) => {
      entryEdited(entry);
      reloadSummary();
      setAnnouncement(t('log.saved', { what: t('common.quoted', { text: entry.what }) }));
    },
    [entryEdited, reloadSummary, t],
  );
  const onRemoved = useCallback(
    (entry: Entry) => {
      entryRemoved(entry.id);
      reloadSummary();
      setAnnouncement(t('log.deleted', { what: t('common.quoted', { text: entry.what }) }));
      setFocusLogAfter((n) => n + 1);
    },
    [entryRemoved, reloadSummary, t],
  );

  return (
    <PageLayout title={t('page.personal')} testId="my-learning">
      <ReportLink client={client} />
      <MySummary summary={summary} locale={locale} />
      <MySettingsPanel settings={settings} locale={locale} />
      <section aria-labelledby={logHeadingId} className={styles.section}>
        {/* One block, so the status line takes no room of its own while it has nothing to say. */}
        <div>
          <Text as="h2" id={logHeadingId} ref={logHeading} tabIndex={-1} size={500} weight="semibold" className={styles.heading}>
            {t('log.title')}
          </Text>
          <Text as="p" role="status" className={styles.text} data-testid="log-status">
            {announcement}
          </Text>
        </div>
        <Log entries={entries} locale={locale} client={client} onEdited={onEdited} onRemoved={onRemoved} />
      </section>
      <LazyGoals client={client} locale={locale} />
      <LazyMyRecommendations client={client} locale={locale} />
      <LazyCoaching client={client} locale={locale} />
      <LazyOneToOnes client={client} locale={locale} />
      <LazySavedList client={client} locale={locale} />
      <WhoCanSee client={client} locale={locale} />
      <LazyMyData client={client} />
    </PageLayout>
  );
}

interface LogProps {
  entries: ReturnType<typeof useEntries>;
  locale: string;
  client: ApiClient;
  onEdited: (entry: Entry) => void;
  onRemoved: (entry: Entry) => void;
}

function Log({ entries: { state, retry, loadMore }, locale, client, onEdited, onRemoved }: LogProps) {
  const styles = useStyles();
  const { t, plural } = useT();
  const count = state.entries.length;
  return (
    <>
      {state.phase === 'loading' && <Spinner label={t('log.loading')} />}
      {state.phase === 'error' && <Problem message={state.loadError} onRetry={retry} />}
      {state.refreshError && <Problem message={state.refreshError} onRetry={retry} intent="warning" />}
      {state.phase === 'ready' && count === 0 && (
        <Text as="p" className={styles.text}>
          <MessageWithElement message={t('log.empty')} name="command">
            <strong>{t('log.checkInCommand')}</strong>
          </MessageWithElement>
        </Text>
      )}
      {state.phase === 'ready' && count > 0 && (
        <>
          <Text as="p" aria-live="polite" className={styles.text}>
            {plural('log.count', count)}
          </Text>
          <EntryList
            entries={state.entries}
            locale={locale}
            headingLevel={3}
            renderActions={(entry) => <EntryActions entry={entry} client={client} onEdited={onEdited} onRemoved={onRemoved} />}
          />
          {state.moreError && <Problem message={state.moreError} onRetry={loadMore} />}
          {state.nextCursor && !state.moreError && (
            <Button onClick={loadMore} disabled={state.loadingMore}>
              {state.loadingMore ? t('log.loadingMore') : t('log.loadMore')}
            </Button>
          )}
        </>
      )}
    </>
  );
}
