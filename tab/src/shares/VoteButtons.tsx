import { Rating, Text, ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { RATING_SCALE } from '../../../bot/contract/check-in-rules.js';
import type { ShareView } from '../api/share-types.js';
import { useVisuallyHidden } from '../components/visually-hidden.js';
import { myRatingText } from './share-format.js';
import type { ShareVote } from './use-share-vote.js';
import { useT } from '../i18n/i18n-context.js';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}` },
  rating: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  note: { color: tokens.colorNeutralForeground2, flexBasis: '100%' },
});

/**
 * Helpful, Save and a rating, for the caller. Each names the share (hidden, for screen readers) so
 * twenty Helpful buttons in a row are told apart; a pressed button shows a tick, not only a colour.
 */
export function VoteButtons({ share, vote }: { share: ShareView; vote: ShareVote }) {
  const styles = useStyles();
  const hidden = useVisuallyHidden();
  const i18n = useT();
  const { t } = i18n;
  const ownShare = t('shares.ownShare');
  const noteId = useId();
  const ratingLabelId = useId();
  const ratingTitleId = useId();
  const quotedWhat = t('common.quoted', { text: share.what });
  const title = <span className={hidden.root}> {quotedWhat}</span>;
  const tick = (on: boolean) => on && <span aria-hidden="true">✓ </span>;
  const { busy, rating } = vote;

  return (
    <div className={styles.row}>
      <ToggleButton
        checked={share.mine.helpful}
        // Focusable while disabled, so the reason can still be reached and read.
        disabledFocusable={busy || share.sharedByMe}
        title={share.sharedByMe ? ownShare : undefined}
        aria-describedby={share.sharedByMe ? noteId : undefined}
        onClick={() => vote.send({ helpful: !share.mine.helpful })}
        data-testid="share-helpful-button"
      >
        {tick(share.mine.helpful)}
        {t('shares.helpfulButton')}
        {title}
      </ToggleButton>
      <ToggleButton
        checked={share.mine.saved}
        disabledFocusable={busy}
        onClick={() => vote.send({ saved: !share.mine.saved })}
        data-testid="share-save-button"
      >
        {tick(share.mine.saved)}
        {t('shares.saveButton')}
        {title}
      </ToggleButton>
      <div className={styles.rating}>
        <Text id={ratingLabelId}>{t('shares.yourRating')}</Text>
        <span id={ratingTitleId} className={hidden.root}>
          {quotedWhat}
        </span>
        <Rating
          // "Your rating ‘Feature flags in practice’": the visible words first, then which share.
          aria-labelledby={`${ratingLabelId} ${ratingTitleId}`}
          value={rating ?? 0}
          max={RATING_SCALE.max}
          size="large"
          itemLabel={(n) => t('shares.ofFive', { n, max: RATING_SCALE.max })}
          onChange={(_event, data) => vote.rate(data.value)}
          data-testid="share-rating-input"
        />
        <Text size={200}>{myRatingText(rating, i18n)}</Text>
      </div>
      {share.sharedByMe && (
        <Text size={200} id={noteId} className={styles.note}>
          {ownShare}
        </Text>
      )}
    </div>
  );
}
