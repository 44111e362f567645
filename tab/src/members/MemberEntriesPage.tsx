import { Button, Link, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef } from 'react';
import type { ApiClient } from '../api/api-client.js';
import { EntryCard } from '../components/EntryCard.js';
import { ListStatus } from '../components/ListStatus.js';
import { LoadedList } from '../components/LoadedList.js';
import { PageLayout } from '../components/PageLayout.js';
import { teamDashboardPath, type MemberRef } from '../routes.js';
import { emptyText, entriesCountText, memberEntriesTitle, privateNote } from './member-entries-text.js';
import { useMemberEntries } from './use-member-entries.js';
import { AskToShareButton, ShareAskSummary, useShareAsks } from './AskToShare.js';
import { LeadEntryActions } from './LeadEntryActions.js';
import { MemberOneToOne } from '../one-to-one/MemberOneToOne.js';
import { useT } from '../i18n/i18n-context.js';
import { TeamMessages } from '../i18n/team-messages.js';

const useStyles = makeStyles({
  section: { display: 'grid', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  more: { justifySelf: 'start' },
});

interface Props {
  client: ApiClient;
  locale: string;
  member: MemberRef;
}

/**
 * A lead reads one member's learning: what the member shares with the team's leads or the whole
 * team, newest first, with older pages on demand. It is a page of its own, so Back returns to the
 * dashboard; the link at the top does the same for keyboard and Teams, which shows no Back button.
 */
export function MemberEntriesPage(props: Props) {
  return (
    <TeamMessages>
      <MemberEntries {...props} />
    </TeamMessages>
  );
}

function MemberEntries({ client, locale, member }: Props) {
  const styles = useStyles();
  const { state, name, refusal, announcement, retry, loadMore } = useMemberEntries(client, member);
  const shareAsks = useShareAsks(client, member);
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const i18n = useT();
  const { t } = i18n;
  const title = memberEntriesTitle(name, i18n);
  const ready = state.phase === 'ready';
  const count = state.entries.length;

  useEffect(() => {
    document.title = t('app.documentTitle', { page: title });
  }, [title, t]);

  // Load more goes away with the last page (or a failure): focus then lands on the list's heading, not the page's end.
  const focusAfterMore = useRef(false);
  const buttonGone = !state.nextCursor || Boolean(state.moreError);
  useEffect(() => {
    if (state.loadingMore || !focusAfterMore.current) return;
    focusAfterMore.current = false;
    if (buttonGone) heading.current?.focus();
  }, [state.loadingMore, buttonGone]);
  const onLoadMore = () => {
    focusAfterMore.current = true;
    loadMore();
  };

  return (
    <PageLayout title={title} testId="member-entries">
      <Text as="p">
        <Link href={teamDashboardPath(member.teamId, window.location.search)} data-testid="back-to-dashboard">
          {t('memberEntries.back')}
        </Link>
      </Text>
      {refusal ? (
        <MessageBar intent="error" layout="multiline" data-testid="member-entries-refused">
          <MessageBarBody>{refusal}</MessageBarBody>
        </MessageBar>
      ) : (
        <>
          <Text as="p" data-testid="private-note">
            {privateNote(name, i18n)}
          </Text>
          <ShareAskSummary shareAsks={shareAsks} />
          <section aria-labelledby={headingId} className={styles.section}>
            <Text as="h2" id={headingId} ref={heading} tabIndex={-1} size={500} weight="semibold" className={styles.heading}>
              {t('memberEntries.heading')}
            </Text>
            <ListStatus
              announcement={announcement}
              count={ready && count > 0 ? entriesCountText(count, i18n) : undefined}
              testId="member-entries-status"
            />
            <LoadedList
              items={ready ? state.entries : undefined}
              loading={state.phase === 'loading'}
              error={state.loadError ?? state.moreError}
              onRetry={state.loadError ? retry : loadMore}
              loadingLabel={t('memberEntries.loading')}
              empty={emptyText(name, state.nextCursor !== null, i18n)}
              emptyTestId="member-entries-empty"
              labelledBy={headingId}
              itemTestId="entry"
              keyOf={(entry) => entry.id}
              renderItem={(entry) => (
                <EntryCard
                  entry={entry}
                  locale={locale}
                  headingLevel={3}
                  viewer="lead"
                  actions={
                    <LeadEntryActions
                      client={client}
                      teamId={member.teamId}
                      member={{ userId: member.userId, displayName: name ?? '' }}
                      entry={entry}
                    >
                      <AskToShareButton shareAsks={shareAsks} entryId={entry.id} name={name ?? t('memberEntries.thisMember')} />
                    </LeadEntryActions>
                  }
                />
              )}
            />
            {ready && state.nextCursor && !state.moreError && (
              <Button className={styles.more} onClick={onLoadMore} disabledFocusable={state.loadingMore} data-testid="load-more">
                {state.loadingMore ? t('log.loadingMore') : t('log.loadMore')}
              </Button>
            )}
          </section>
          <MemberOneToOne client={client} locale={locale} teamId={member.teamId} memberId={member.userId} />
        </>
      )}
    </PageLayout>
  );
}
