import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';
import type { ApiClient } from '../api/api-client.js';
import type { MyShareVoteUpdate, ShareView } from '../api/share-types.js';
import { CoachButton } from '../coaching/CoachButton.js';
import { Problem } from '../components/Problem.js';
import { formatDate, sourceLabel } from '../format.js';
import { ArticleHeader, ExternalLink, ShareArticle } from './ShareArticle.js';
import { helpfulText, savesText, shareHref, shareRatingText } from './share-format.js';
import { useShareVote } from './use-share-vote.js';
import { VoteButtons } from './VoteButtons.js';
import { NotesList } from '../components/NotesList.js';
import { useT } from '../i18n/i18n-context.js';
import { MessageWithElement } from '../i18n/MessageWithElement.js';

const useStyles = makeStyles({
  meta: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  footer: { display: 'grid', gap: tokens.spacingVerticalS },
});

interface Props {
  share: ShareView;
  locale: string;
  vote: (update: MyShareVoteUpdate) => Promise<ShareView>;
  /** Says in the feed's live region what a vote (or a coaching note) did. */
  announce: (message: string) => void;
  /** For a team lead: how to send coaching notes, offered on everyone's shares but their own. */
  coaching?: { client: ApiClient } | undefined;
}

/** One learning share: who shared what, when, what they took from it, how the team rated it, and the caller's own marks. */
export function ShareCard({ share, locale, vote, announce, coaching }: Props) {
  const styles = useStyles();
  const titleId = useId();
  const i18n = useT();
  const { t } = i18n;
  const voting = useShareVote(share, vote, announce, locale);
  const href = shareHref(share.link);
  const notes: Array<[string, ReactNode]> = [];
  if (share.insight) notes.push([t('entry.insight'), share.insight]);
  if (share.action) notes.push([t('shares.action'), share.action]);
  if (share.link) notes.push([t('entry.link'), href ? <ExternalLink href={href}>{share.link}</ExternalLink> : share.link]);

  return (
    <ShareArticle labelledBy={titleId}>
      <ArticleHeader
        titleId={titleId}
        title={share.what}
        byline={
          <MessageWithElement message={t(share.sharedByMe ? 'shares.bylineMine' : 'shares.byline', { name: share.sharerName })} name="date">
            <time dateTime={share.createdAt}>{formatDate(share.createdAt, locale)}</time>
          </MessageWithElement>
        }
      />
      <div className={styles.meta}>
        <Badge appearance="tint" color="brand">
          {sourceLabel(share.sourceType, i18n)}
        </Badge>
        <Text data-testid="share-helpful-count">{helpfulText(share.helpful, locale, i18n)}</Text>
        <Text data-testid="share-saves-count">{savesText(share.saves, locale, i18n)}</Text>
        <Text data-testid="share-rating">{shareRatingText(share.averageRating, share.ratingCount, locale, i18n)}</Text>
      </div>
      <NotesList notes={notes} />
      <div className={styles.footer}>
        <VoteButtons share={share} vote={voting} />
        {/* Leads coach others on what they shared; nobody coaches themselves. */}
        {coaching && !share.sharedByMe && (
          <div>
            <CoachButton client={coaching.client} share={share} announce={announce} />
          </div>
        )}
        {voting.problem && (
          <Problem message={voting.problem.message} onRetry={() => voting.problem && voting.send(voting.problem.update)} />
        )}
      </div>
    </ShareArticle>
  );
}
