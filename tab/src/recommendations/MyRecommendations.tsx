import { Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useState, type ReactNode } from 'react';
import type { ApiClient } from '../api/api-client.js';
import type { MyRecommendation } from '../api/recommendation-types.js';
import { ListStatus } from '../components/ListStatus.js';
import { LoadedList } from '../components/LoadedList.js';
import { Problem } from '../components/Problem.js';
import { NotesList } from '../components/NotesList.js';
import { useVisuallyHidden } from '../components/visually-hidden.js';
import { formatDate } from '../format.js';
import type { SectionHeading } from '../shares/lazy-section.js';
import { ArticleHeader, ExternalLink, ShareArticle } from '../shares/ShareArticle.js';
import { shareHref } from '../shares/share-format.js';
import { myRecommendationsCountText, recommendationKey } from './recommendation-format.js';
import { useMyRecommendations, type UseMyRecommendations } from './use-my-recommendations.js';
import { useT } from '../i18n/i18n-context.js';
import { MessageWithElement } from '../i18n/MessageWithElement.js';

const useStyles = makeStyles({
  footer: { display: 'grid', gap: tokens.spacingVerticalS, justifyItems: 'start' },
});

interface Props {
  client: ApiClient;
  locale: string;
  heading: SectionHeading;
}

/** What the caller's team leads recommended to them (or to their whole team), newest first, each with an "I did this" tick. */
export function MyRecommendations({ client, locale, heading }: Props) {
  const i18n = useT();
  const { t } = i18n;
  const [announcement, setAnnouncement] = useState('');
  const recs = useMyRecommendations(client, setAnnouncement);
  const { recommendations: list, loading, error, reload } = recs;

  const count = list?.length ?? 0;
  const done = list?.filter((r) => r.done).length ?? 0;
  return (
    <>
      <ListStatus
        announcement={announcement}
        count={list && count > 0 ? myRecommendationsCountText(count, done, i18n) : undefined}
        testId="my-recommendations-status"
      />
      <LoadedList
        items={list}
        loading={loading}
        error={error}
        onRetry={reload}
        loadingLabel={t('myRecs.loading')}
        empty={t('myRecs.empty')}
        emptyTestId="my-recommendations-empty"
        labelledBy={heading.id}
        itemTestId="my-recommendation"
        keyOf={(rec) => recommendationKey(rec)}
        renderItem={(rec) => <MyRecommendationItem rec={rec} recs={recs} locale={locale} />}
      />
    </>
  );
}

function MyRecommendationItem({ rec, recs, locale }: { rec: MyRecommendation; recs: UseMyRecommendations; locale: string }) {
  const styles = useStyles();
  const hidden = useVisuallyHidden();
  const titleId = useId();
  const { t } = useT();
  const href = shareHref(rec.link);
  const problem = recs.problem(rec);
  const notes: Array<[string, ReactNode]> = [];
  if (rec.note) notes.push([t('recs.note'), rec.note]);
  if (!href) notes.push([t('entry.link'), rec.link]);

  return (
    <ShareArticle labelledBy={titleId}>
      <ArticleHeader
        titleId={titleId}
        title={<>{href ? <ExternalLink href={href}>{rec.title}</ExternalLink> : rec.title}</>}
        byline={
          <MessageWithElement message={t(rec.learnerId ? 'recs.byToYou' : 'recs.byToTeam', { name: rec.leadName })} name="date">
            <time dateTime={rec.at}>{formatDate(rec.at, locale)}</time>
          </MessageWithElement>
        }
      />
      <NotesList notes={notes} />
      <div className={styles.footer}>
        <Checkbox
          checked={rec.done}
          aria-busy={recs.busy(rec)}
          data-testid="did-this"
          onChange={(_, data) => recs.setDone(rec, data.checked === true)}
          label={
            <>
              {t('recs.didThis')}
              <span className={hidden.root}> {t('common.quoted', { text: rec.title })}</span>
            </>
          }
        />
        {problem && <Problem message={problem.message} onRetry={() => recs.setDone(rec, problem.done)} />}
      </div>
    </ShareArticle>
  );
}
