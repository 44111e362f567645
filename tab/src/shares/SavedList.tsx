import { Badge, Button, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useId, useState } from 'react';
import type { ApiClient } from '../api/api-client.js';
import { failureMessage } from '../i18n/failure.js';
import { useT } from '../i18n/i18n-context.js';
import { MessageWithElement } from '../i18n/MessageWithElement.js';
import type { SavedShareView } from '../api/share-types.js';
import { useVisuallyHidden } from '../components/visually-hidden.js';
import { formatDate, sourceLabel } from '../format.js';
import type { SectionHeading } from './lazy-section.js';
import { ArticleHeader, ExternalLink, ShareArticle } from './ShareArticle.js';
import { savedKey, shareHref, thenSay } from './share-format.js';
import { useSaved } from './use-saved.js';
import { NotesList } from '../components/NotesList.js';
import { ListStatus } from '../components/ListStatus.js';
import { LoadedList } from '../components/LoadedList.js';
import { Problem } from '../components/Problem.js';

const useStyles = makeStyles({
  more: { justifySelf: 'start' },
  meta: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  footer: { display: 'grid', gap: tokens.spacingVerticalS, justifyItems: 'start' },
});

interface Props {
  client: ApiClient;
  locale: string;
  heading: SectionHeading;
}

/** The learning shares the caller saved, from any of their teams, newest saved first. */
export function SavedList({ client, locale, heading }: Props) {
  const styles = useStyles();
  const { t, plural } = useT();
  const { items, loading, error, reload, unsave, hasMore, loadingMore, moreError, loadMore } = useSaved(client);
  const [announcement, setAnnouncement] = useState('');
  const [focusHeadingAfter, setFocusHeadingAfter] = useState(0);

  useEffect(() => {
    // The Unsave button is gone with its item: give focus a place to land.
    if (focusHeadingAfter > 0) heading.ref.current?.focus();
  }, [focusHeadingAfter, heading.ref]);

  const onUnsaved = useCallback(
    (item: SavedShareView) => {
      setAnnouncement(t('saved.unsaved', { what: t('common.quoted', { text: item.what || t('saved.withdrawn') }) }));
      setFocusHeadingAfter((n) => n + 1);
    },
    [t],
  );

  const count = items?.length ?? 0;
  return (
    <>
      <ListStatus announcement={announcement} count={items && count > 0 ? plural('saved.count', count) : undefined} testId="saved-status" />
      <LoadedList
        items={items}
        loading={loading}
        error={error}
        onRetry={reload}
        loadingLabel={t('saved.loading')}
        empty={
          <MessageWithElement message={t('saved.empty')} name="button">
            <strong>{t('saved.saveButton')}</strong>
          </MessageWithElement>
        }
        emptyTestId="saved-empty"
        labelledBy={heading.id}
        itemTestId="saved-item"
        keyOf={(item) => savedKey(item)}
        renderItem={(item) => <SavedItem item={item} locale={locale} unsave={unsave} onUnsaved={onUnsaved} />}
      />
      {moreError && <Problem message={moreError} onRetry={loadMore} />}
      {hasMore && !moreError && (
        <Button className={styles.more} onClick={loadMore} disabled={loadingMore} data-testid="saved-more">
          {loadingMore ? t('log.loadingMore') : t('log.loadMore')}
        </Button>
      )}
    </>
  );
}

interface ItemProps {
  item: SavedShareView;
  locale: string;
  unsave: (item: SavedShareView) => Promise<void>;
  onUnsaved: (item: SavedShareView) => void;
}

function SavedItem({ item, locale, unsave, onUnsaved }: ItemProps) {
  const styles = useStyles();
  const hidden = useVisuallyHidden();
  const titleId = useId();
  const i18n = useT();
  const { t } = i18n;
  // A withdrawn share comes without its title: the item is named by what happened to it.
  const what = item.what || t('saved.withdrawn');
  const quotedWhat = t('common.quoted', { text: what });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const href = shareHref(item.link);

  const remove = () => {
    if (busy) return;
    setBusy(true);
    setProblem(undefined);
    unsave(item).then(
      () => onUnsaved(item),
      (error: unknown) => {
        setBusy(false);
        setProblem(thenSay(failureMessage(i18n, t('saved.unsaveFailed', { what: quotedWhat }), error), t('saved.stillSaved')));
      },
    );
  };

  return (
    <ShareArticle labelledBy={titleId}>
      <ArticleHeader
        titleId={titleId}
        title={<>{href ? <ExternalLink href={href}>{what}</ExternalLink> : what}</>}
        byline={
          <MessageWithElement message={t('saved.byline', { name: item.sharerName, team: item.teamName })} name="date">
            <time dateTime={item.savedAt}>{formatDate(item.savedAt, locale)}</time>
          </MessageWithElement>
        }
      />
      <div className={styles.meta}>
        <Badge appearance="tint" color="brand">
          {sourceLabel(item.sourceType, i18n)}
        </Badge>
        {item.withdrawn && (
          <Badge appearance="outline" color="warning" data-testid="saved-withdrawn">
            {t('saved.withdrawn')}
          </Badge>
        )}
      </div>
      <NotesList
        notes={[
          ...(item.insight ? [[t('entry.insight'), item.insight] as const] : []),
          ...(item.link && !href ? [[t('entry.link'), item.link] as const] : []),
        ]}
      />
      <div className={styles.footer}>
        <Button disabledFocusable={busy} onClick={remove}>
          {busy ? t('saved.unsaving') : t('saved.unsave')}
          <span className={hidden.root}> {quotedWhat}</span>
        </Button>
        {problem && <Problem message={problem} onRetry={remove} />}
      </div>
    </ShareArticle>
  );
}
