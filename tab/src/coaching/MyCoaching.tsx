import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId, useMemo, type ReactNode } from 'react';
import type { ApiClient } from '../api/api-client.js';
import type { CoachingView, MyCoachingResponse } from '../api/coaching-types.js';
import { useApiData } from '../api/use-api-data.js';
import { LoadedList } from '../components/LoadedList.js';
import { NotesList } from '../components/NotesList.js';
import { formatDate } from '../format.js';
import type { SectionHeading } from '../shares/lazy-section.js';
import { ArticleHeader, ShareArticle } from '../shares/ShareArticle.js';
import { coachingCountText, newestNoteFirst } from './coaching-format.js';
import { MY_COACHING_PATH } from './coaching-paths.js';
import { useT } from '../i18n/i18n-context.js';
import { MessageWithElement } from '../i18n/MessageWithElement.js';

const useStyles = makeStyles({
  text: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
});

interface Props {
  client: ApiClient;
  locale: string;
  heading: SectionHeading;
}

/**
 * The notes the caller's team leads wrote on what they shared, newest first, with their answers.
 * Answers are given from the note's card in chat, where the lead hears of them: here they are read.
 */
export function MyCoaching({ client, locale, heading }: Props) {
  const styles = useStyles();
  const i18n = useT();
  const { t } = i18n;
  const { data, loading, error, reload } = useApiData<MyCoachingResponse>(client, MY_COACHING_PATH, useT().t('coaching.loadFailed'));
  const notes = useMemo(() => data && newestNoteFirst(data.notes), [data]);

  const count = notes?.length ?? 0;
  return (
    <>
      {notes && count > 0 && (
        <Text as="p" className={styles.text} data-testid="coaching-count">
          {coachingCountText(count, i18n)}
        </Text>
      )}
      <LoadedList
        items={notes}
        loading={loading}
        error={error}
        onRetry={reload}
        loadingLabel={t('coaching.loading')}
        empty={t('coaching.empty')}
        emptyTestId="coaching-empty"
        labelledBy={heading.id}
        itemTestId="coaching-note"
        keyOf={(note) => note.noteId}
        renderItem={(note) => <CoachingItem note={note} locale={locale} />}
      />
    </>
  );
}

function CoachingItem({ note, locale }: { note: CoachingView; locale: string }) {
  const styles = useStyles();
  const titleId = useId();
  const { t } = useT();
  const notes: Array<[string, ReactNode]> = [[t('coaching.leadNote', { name: note.leadName }), note.note]];
  notes.push([
    t('coaching.yourAnswer'),
    note.answer ? (
      <>
        {note.answer.text}{' '}
        <span className={styles.muted}>
          (<time dateTime={note.answer.at}>{formatDate(note.answer.at, locale)}</time>)
        </span>
      </>
    ) : (
      <span className={styles.muted} data-testid="coaching-answer-hint">
        {t('coaching.notAnswered')}
      </span>
    ),
  ]);

  return (
    <ShareArticle labelledBy={titleId}>
      <ArticleHeader
        titleId={titleId}
        title={t('coaching.about', { what: t('common.quoted', { text: note.about }) })}
        byline={
          <MessageWithElement message={t('coaching.from', { name: note.leadName })} name="date">
            <time dateTime={note.at}>{formatDate(note.at, locale)}</time>
          </MessageWithElement>
        }
      />
      <NotesList notes={notes} />
    </ShareArticle>
  );
}
