import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useMemo, useState } from 'react';
import type { ApiClient } from '../api/api-client.js';
import { DEFAULT_SHARE_SORT, SHARE_SORT_CHOICES, type MyShareVoteUpdate, type ShareSort } from '../api/share-types.js';
import { Problem } from '../components/Problem.js';
import { ChoiceGroup } from './ChoiceGroup.js';
import type { SectionHeading } from './lazy-section.js';
import { ShareCard } from './ShareCard.js';
import { feedCountText } from './share-format.js';
import { useShares } from './use-shares.js';
import { useT } from '../i18n/i18n-context.js';
import { MessageWithElement } from '../i18n/MessageWithElement.js';

const useStyles = makeStyles({
  // One block each, so an empty status line takes no room of its own in the section's grid.
  controls: { display: 'grid', gap: tokens.spacingVerticalXS },
  panel: { display: 'grid', gap: tokens.spacingVerticalM },
  text: { margin: 0 },
  count: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  list: { display: 'grid', gap: tokens.spacingVerticalM, listStyleType: 'none', margin: 0, padding: 0 },
  more: { justifySelf: 'start' },
  empty: {
    margin: 0,
    padding: tokens.spacingVerticalL,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
  },
});

interface Props {
  client: ApiClient;
  teamId: string;
  locale: string;
  /** A team lead sees Coach on others' shares. */
  isLead?: boolean;
  heading: SectionHeading;
}

/** What the team's members shared, newest or most helpful first, with each member's own marks on it. */
export function SharesFeed({ client, teamId, locale, isLead = false }: Props) {
  const styles = useStyles();
  const i18n = useT();
  const { t } = i18n;
  const [sort, setSort] = useState<ShareSort>(DEFAULT_SHARE_SORT);
  const { state, retry, vote, loadMore } = useShares(client, teamId, sort);
  // Always in the page, so screen readers hear what a vote did without leaving the button.
  const [announcement, setAnnouncement] = useState('');
  const { shown } = state;
  const loading = state.phase === 'loading';
  const coaching = useMemo(() => (isLead ? { client } : undefined), [isLead, client]);

  const choose = useCallback((next: ShareSort) => {
    setAnnouncement('');
    setSort(next);
  }, []);

  return (
    <>
      <div className={styles.controls}>
        <ChoiceGroup label={t('shares.sortBy')} choices={SHARE_SORT_CHOICES} value={sort} onChange={choose} />
        <Text as="p" role="status" className={styles.text} data-testid="shares-status">
          {announcement}
        </Text>
      </div>
      <div className={styles.panel} aria-busy={loading}>
        {loading && !shown && <Spinner label={t('shares.loading')} />}
        {state.phase === 'error' && <Problem message={state.message} onRetry={retry} />}
        {shown && shown.shares.length === 0 && (
          <Text as="p" className={styles.empty} data-testid="shares-empty">
            <MessageWithElement message={t('shares.empty')} name="command">
              <strong>share</strong>
            </MessageWithElement>
          </Text>
        )}
        {shown && shown.shares.length > 0 && (
          <>
            <div className={styles.count}>
              <Text as="p" aria-live="polite" className={styles.text} data-testid="shares-count">
                {feedCountText(shown.shares.length, shown.sort, locale, i18n)}
              </Text>
              {loading && <Spinner size="tiny" label={t('common.loading')} />}
            </div>
            <ul className={styles.list}>
              {shown.shares.map((share) => (
                <li key={share.shareId} data-testid="share-card">
                  <ShareCard
                    share={share}
                    locale={locale}
                    vote={(update: MyShareVoteUpdate) => vote(share.shareId, update)}
                    announce={setAnnouncement}
                    coaching={coaching}
                  />
                </li>
              ))}
            </ul>
            {state.moreMessage && <Problem message={state.moreMessage} onRetry={loadMore} />}
            {shown.nextCursor && !state.moreMessage && (
              <Button className={styles.more} onClick={loadMore} disabled={state.loadingMore === true} data-testid="shares-more">
                {state.loadingMore ? t('log.loadingMore') : t('log.loadMore')}
              </Button>
            )}
          </>
        )}
      </div>
    </>
  );
}
