import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useId, useMemo, useState, type ReactNode } from 'react';
import type { ApiClient } from '../api/api-client.js';
import type { TeamRecommendation, TeamRecommendationsResponse } from '../api/recommendation-types.js';
import { useApiData } from '../api/use-api-data.js';
import { ListStatus } from '../components/ListStatus.js';
import { LoadedList } from '../components/LoadedList.js';
import { NotesList } from '../components/NotesList.js';
import { formatDate } from '../format.js';
import type { SectionHeading } from '../shares/lazy-section.js';
import { ArticleHeader, ExternalLink, ShareArticle } from '../shares/ShareArticle.js';
import { shareHref } from '../shares/share-format.js';
import { RecommendButton } from './RecommendButton.js';
import { doneByText, newestFirst, recipientText, recommendationsCountText, type Recipient } from './recommendation-format.js';
import { teamRecommendationsPath } from './recommendation-paths.js';
import { useT } from '../i18n/i18n-context.js';
import { MessageWithElement } from '../i18n/MessageWithElement.js';

const useStyles = makeStyles({
  done: { fontWeight: tokens.fontWeightSemibold },
});

interface Props {
  client: ApiClient;
  teamId: string;
  locale: string;
  /** The team's members, from the dashboard: whom a recommendation can be for. */
  members: readonly Recipient[];
  /** The lead looking: everyone but them can be picked to recommend to. */
  callerId?: string;
  heading: SectionHeading;
}

/** What the team's leads recommended, newest first, each with how many of those it was for have done it; and a way to recommend more. Leads only. */
export function TeamRecommendations({ client, teamId, locale, members, callerId, heading }: Props) {
  const i18n = useT();
  const { t } = i18n;
  const { data, loading, error, reload } = useApiData<TeamRecommendationsResponse>(
    client,
    teamRecommendationsPath(teamId),
    t('teamRecs.loadFailed'),
  );
  const recs = useMemo(() => data && newestFirst(data.recommendations), [data]);
  const [announcement, setAnnouncement] = useState('');

  const onRecommended = useCallback(
    (said: string) => {
      setAnnouncement(said);
      reload();
    },
    [reload],
  );

  const count = recs?.length ?? 0;
  return (
    <>
      <ListStatus
        announcement={announcement}
        count={recs && count > 0 ? recommendationsCountText(count, i18n) : undefined}
        testId="team-recommendations-status"
      />
      <RecommendButton
        client={client}
        teamId={teamId}
        members={members.filter((m) => m.userId !== callerId)}
        onRecommended={onRecommended}
      />
      <LoadedList
        items={recs}
        loading={loading}
        error={error}
        onRetry={reload}
        loadingLabel={t('teamRecs.loading')}
        empty={t('teamRecs.empty')}
        emptyTestId="team-recommendations-empty"
        labelledBy={heading.id}
        itemTestId="team-recommendation"
        keyOf={(rec) => rec.recId}
        renderItem={(rec) => <TeamRecommendationItem rec={rec} members={members} locale={locale} />}
      />
    </>
  );
}

function TeamRecommendationItem({ rec, members, locale }: { rec: TeamRecommendation; members: readonly Recipient[]; locale: string }) {
  const styles = useStyles();
  const titleId = useId();
  const i18n = useT();
  const { t } = i18n;
  const href = shareHref(rec.link);
  const notes: Array<[string, ReactNode]> = [];
  if (rec.note) notes.push([t('recs.note'), rec.note]);
  notes.push([t('entry.link'), href ? <ExternalLink href={href}>{rec.link}</ExternalLink> : rec.link]);

  return (
    <ShareArticle labelledBy={titleId}>
      <ArticleHeader
        titleId={titleId}
        title={rec.title}
        byline={
          <MessageWithElement
            message={t('teamRecs.byline', { name: rec.leadName, to: recipientText(rec.learnerId, members, i18n) })}
            name="date"
          >
            <time dateTime={rec.at}>{formatDate(rec.at, locale)}</time>
          </MessageWithElement>
        }
      />
      <NotesList notes={notes} />
      <Text as="p" className={styles.done} data-testid="recommendation-done-by">
        {doneByText(rec.doneBy, rec.for, locale, i18n)}
      </Text>
    </ShareArticle>
  );
}
