import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useMemo, useRef, type ReactNode } from 'react';
import type { ApiClient } from '../api/api-client.js';
import type { NudgeView, NudgesResponse } from '../api/goal-types.js';
import { useApiData } from '../api/use-api-data.js';
import { LoadedList } from '../components/LoadedList.js';
import { NotesList } from '../components/NotesList.js';
import { formatDate } from '../format.js';
import type { SectionHeading } from '../shares/lazy-section.js';
import { ArticleHeader, ShareArticle } from '../shares/ShareArticle.js';
import { newestSentFirst, nudgeReplyText, nudgesCountText } from './follow-up-format.js';
import { nudgesPath } from './nudge-paths.js';
import { useT } from '../i18n/i18n-context.js';
import { followUpReasonText } from '../dashboard/follow-up-reason.js';
import { MessageWithElement } from '../i18n/MessageWithElement.js';

const useStyles = makeStyles({
  text: { margin: 0 },
  reply: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'baseline' },
  replied: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2 },
});

interface Props {
  client: ApiClient;
  teamId: string;
  locale: string;
  /** Changes when a lead sent a nudge from this page: the list is asked for again. */
  refreshKey: number;
  heading: SectionHeading;
}

/** A team's nudges, newest first: who was nudged, when and why, and what they answered. Leads only. */
export function FollowUps({ client, teamId, locale, refreshKey, heading }: Props) {
  const styles = useStyles();
  const i18n = useT();
  const { t } = i18n;
  const { data, loading, error, reload } = useApiData<NudgesResponse>(client, nudgesPath(teamId), t('followUps.loadFailed'));
  const nudges = useMemo(() => data && newestSentFirst(data.nudges), [data]);

  // The list loads as the section mounts; after that, each nudge sent from the table reloads it.
  const shownKey = useRef(refreshKey);
  useEffect(() => {
    if (refreshKey === shownKey.current) return;
    shownKey.current = refreshKey;
    reload();
  }, [refreshKey, reload]);

  const count = nudges?.length ?? 0;
  return (
    <>
      {nudges && count > 0 && (
        <Text as="p" className={styles.text}>
          {nudgesCountText(count, i18n)}
        </Text>
      )}
      <LoadedList
        items={nudges}
        loading={loading}
        error={error}
        onRetry={reload}
        loadingLabel={t('followUps.loading')}
        empty={
          <MessageWithElement message={t('nudge.empty')} name="button">
            <strong>{t('nudge.button')}</strong>
          </MessageWithElement>
        }
        emptyTestId="follow-ups-empty"
        labelledBy={heading.id}
        itemTestId="nudge-item"
        keyOf={(nudge) => nudge.nudgeId}
        renderItem={(nudge) => <NudgeItem nudge={nudge} locale={locale} />}
      />
    </>
  );
}

function NudgeItem({ nudge, locale }: { nudge: NudgeView; locale: string }) {
  const styles = useStyles();
  const titleId = useId();
  const i18n = useT();
  const { t } = i18n;
  const notes: Array<[string, ReactNode]> = [];
  if (nudge.note) notes.push([t('nudge.note'), nudge.note]);
  const reason = followUpReasonText({ followUpReason: nudge.reason, followUpWhy: nudge.why }, i18n);
  if (reason) notes.push([t('nudge.reason'), reason]);

  return (
    <ShareArticle labelledBy={titleId}>
      <ArticleHeader
        titleId={titleId}
        title={nudge.learnerName}
        byline={
          <>
            <MessageWithElement message={t('nudge.byline', { name: nudge.leadName })} name="date">
              <time dateTime={nudge.sentAt}>{formatDate(nudge.sentAt, locale)}</time>
            </MessageWithElement>
            {nudge.delivered ? '' : t('nudge.notDelivered')}
          </>
        }
      />
      <NotesList notes={notes} />
      <p className={styles.reply}>
        <span data-testid="nudge-reply" className={nudge.reply ? styles.replied : styles.muted}>
          {nudgeReplyText(nudge.reply, i18n)}
        </span>
        {nudge.reply && (
          <Text size={200} className={styles.muted}>
            <time dateTime={nudge.reply.at}>{formatDate(nudge.reply.at, locale)}</time>
          </Text>
        )}
      </p>
    </ShareArticle>
  );
}
