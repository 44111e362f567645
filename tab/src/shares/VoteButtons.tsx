import { Rating, Text, ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { ShareView } from '../api/share-types.js';
import { useVisuallyHidden } from '../components/visually-hidden.js';
import { myRatingText, quoted } from './share-format.js';
import type { ShareVote } from './use-share-vote.js';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}` },
  rating: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  note: { color: tokens.colorNeutralForeground2, flexBasis: '100%' },
});

const OWN_SHARE = 'You shared this: others can mark it helpful, you can’t.';

/**
 * Helpful, Save and a rating, for the caller. Each names the share (hidden, for screen readers) so
 * twenty Helpful buttons in a row are told apart; a pressed button shows a tick, not only a colour.
 */
export function VoteButtons({ share, vote }: { share: ShareView; vote: ShareVote }) {
  const styles = useStyles();
  const hidden = useVisuallyHidden();
  const noteId = useId();
  const ratingLabelId = useId();
  const ratingTitleId = useId();
  const title = <span className={hidden.root}> {quoted(share.what)}</span>;
  const tick = (on: boolean) => on && <span aria-hidden="true">✓ </span>;
  const { busy, rating } = vote;

  return (
    <div className={styles.row}>
      <ToggleButton
        checked={share.mine.helpful}
        // Focusable while disabled, so the reason can still be reached and read.
        disabledFocusable={busy || share.sharedByMe}
        title={share.sharedByMe ? OWN_SHARE : undefined}
        aria-describedby={share.sharedByMe ? noteId : undefined}
        onClick={() => vote.send({ helpful: !share.mine.helpful })}
        data-testid="share-helpful-button"
      >
        {tick(share.mine.helpful)}Helpful{title}
      </ToggleButton>
      <ToggleButton checked={share.mine.saved} disabledFocusable={busy} onClick={() => vote.send({ saved: !share.mine.saved })} data-testid="share-save-button">
        {tick(share.mine.saved)}Save{title}
      </ToggleButton>
      <div className={styles.rating}>
        <Text id={ratingLabelId}>Your rating</Text>
        <span id={ratingTitleId} className={hidden.root}>
          {quoted(share.what)}
        </span>
        <Rating
          // "Your rating ‘Feature flags in practice’": the visible words first, then which share.
          aria-labelledby={`${ratingLabelId} ${ratingTitleId}`}
          value={rating ?? 0}
          max={5}
          size="large"
          itemLabel={(n) => `${n} of 5`}
          onChange={(_event, data) => vote.rate(data.value)}
          data-testid="share-rating-input"
        />
        <Text size={200}>{myRatingText(rating)}</Text>
      </div>
      {share.sharedByMe && (
        <Text size={200} id={noteId} className={styles.note}>
          {OWN_SHARE}
        </Text>
      )}
    </div>
  );
}
