import { Badge, Button, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useId, useState } from 'react';
import { describeFailure, type ApiClient } from '../api/api-client.js';
import type { SavedShareView } from '../api/share-types.js';
import { useVisuallyHidden } from '../components/visually-hidden.js';
import { formatDate, sourceLabel } from '../format.js';
import type { SectionHeading } from './lazy-section.js';
import { ArticleHeader, ExternalLink, ShareArticle } from './ShareArticle.js';
import { quoted, savedKey, shareHref, thenSay } from './share-format.js';
import { useSaved } from './use-saved.js';
import { NotesList } from '../components/NotesList.js';
import { ListStatus } from '../components/ListStatus.js';
import { LoadedList } from '../components/LoadedList.js';
import { Problem } from '../components/Problem.js';

const useStyles = makeStyles({
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
  const { items, loading, error, reload, unsave } = useSaved(client);
  const [announcement, setAnnouncement] = useState('');
  const [focusHeadingAfter, setFocusHeadingAfter] = useState(0);

  useEffect(() => {
    // The Unsave button is gone with its item: give focus a place to land.
    if (focusHeadingAfter > 0) heading.ref.current?.focus();
  }, [focusHeadingAfter, heading.ref]);

  const onUnsaved = useCallback((item: SavedShareView) => {
    setAnnouncement(`Unsaved ${quoted(item.what)}. It is no longer in your saved learning.`);
    setFocusHeadingAfter((n) => n + 1);
  }, []);

  const count = items?.length ?? 0;
  return (
    <>
      <ListStatus announcement={announcement} count={items && count > 0 ? `${count === 1 ? '1 saved share' : `${count} saved shares`}, newest saved first` : undefined} testId="saved-status" />
      <LoadedList
        items={items}
        loading={loading}
        error={error}
        onRetry={reload}
        loadingLabel="Loading your saved learning…"
        empty={
          <>
            Nothing saved yet. Press <strong>Save</strong> on a learning share in your team’s channel or on the team page.
          </>
        }
        emptyTestId="saved-empty"
        labelledBy={heading.id}
        itemTestId="saved-item"
        keyOf={(item) => savedKey(item)}
        renderItem={(item) => <SavedItem item={item} locale={locale} unsave={unsave} onUnsaved={onUnsaved} />}
      />
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
        setProblem(thenSay(describeFailure(`unsave ${quoted(item.what)}`, error), 'It is still saved.'));
      },
    );
  };

  return (
    <ShareArticle labelledBy={titleId}>
      <ArticleHeader
        titleId={titleId}
        title={<>{href ? <ExternalLink href={href}>{item.what}</ExternalLink> : item.what}</>}
        byline={
          <>
            {`Shared by ${item.sharerName} in ${item.teamName}. Saved `}
            <time dateTime={item.savedAt}>{formatDate(item.savedAt, locale)}</time>
          </>
        }
      />
      <div className={styles.meta}>
        <Badge appearance="tint" color="brand">
          {sourceLabel(item.sourceType)}
        </Badge>
        {item.withdrawn && (
          <Badge appearance="outline" color="warning" data-testid="saved-withdrawn">
            Withdrawn by the sharer
          </Badge>
        )}
      </div>
      <NotesList
        notes={[
          ...(item.insight ? [['Key insight', item.insight] as const] : []),
          ...(item.link && !href ? [['Link', item.link] as const] : []),
        ]}
      />
      <div className={styles.footer}>
        <Button disabledFocusable={busy} onClick={remove}>
          {busy ? 'Unsaving…' : 'Unsave'}
          <span className={hidden.root}> {quoted(item.what)}</span>
        </Button>
        {problem && <Problem message={problem} onRetry={remove} />}
      </div>
    </ShareArticle>
  );
}
