import { Badge, Body1, Caption1, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';
import type { Entry } from '../api/types.js';
import { formatDate, formatMinutes, formatRating, safeHref, sourceLabel, visibilityLabel } from '../format.js';
import { useT } from '../i18n/i18n-context.js';
import { useCardSurfaceStyles } from './card-surface.js';
import { useVisuallyHidden } from './visually-hidden.js';
import { NotesList } from './NotesList.js';

const useStyles = makeStyles({
  header: { display: 'grid', gap: tokens.spacingVerticalXXS },
  title: { margin: 0, overflowWrap: 'anywhere' },
  footer: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  meta: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

interface Props {
  entry: Entry;
  locale: string;
  /** The title's heading level: 2 when entries are the page's sections, 3 under a section heading. */
  headingLevel?: 2 | 3;
  /** What the viewer can do with the entry, e.g. edit or delete it. */
  actions?: ReactNode;
  /** Who reads it: the learner (who it is visible to besides them) or a lead (how the learner shared it). */
  viewer?: 'learner' | 'lead';
}

/** One logged piece of learning: what, from what, how long, how useful, and what the learner will do with it. */
export function EntryCard({ entry, locale, headingLevel = 2, actions, viewer = 'learner' }: Props) {
  const styles = useStyles();
  const card = useCardSurfaceStyles();
  const hidden = useVisuallyHidden();
  const titleId = useId();
  const i18n = useT();
  const { t } = i18n;
  const href = safeHref(entry.link);
  const notes: Array<[string, ReactNode]> = [];
  if (entry.insight) notes.push([t('entry.insight'), entry.insight]);
  if (entry.action) notes.push([t('entry.action'), entry.action]);
  if (entry.result) notes.push([t('entry.result'), entry.result]);
  if (entry.link) {
    notes.push([
      t('entry.link'),
      href ? (
        <Link href={href} target="_blank" rel="noopener noreferrer">
          {entry.link}
          <span className={hidden.root}> {t('entry.opensInNewTab')}</span>
        </Link>
      ) : (
        entry.link
      ),
    ]);
  }

  return (
    <article aria-labelledby={titleId} className={card.surface}>
      <header className={styles.header}>
        <Text as={headingLevel === 3 ? 'h3' : 'h2'} id={titleId} weight="semibold" size={400} className={styles.title}>
          {entry.what}
        </Text>
        <Caption1>
          <time dateTime={entry.createdAt}>{formatDate(entry.createdAt, locale)}</time>
        </Caption1>
      </header>
      <div className={styles.meta}>
        <Badge appearance="tint" color="brand">
          {sourceLabel(entry.sourceType, i18n)}
        </Badge>
        {entry.minutes !== null && <Body1>{formatMinutes(entry.minutes, locale)}</Body1>}
        {entry.rating !== null && <Body1>{formatRating(entry.rating, i18n)}</Body1>}
        {/* Older payloads (a cached page) may lack it: then there is nothing to say. */}
        {entry.visibility && viewer === 'learner' && (
          <Caption1>
            <span className={hidden.root}>{t('entry.visibleTo')} </span>
            {visibilityLabel('badge', entry.visibility, i18n)}
          </Caption1>
        )}
        {entry.visibility && viewer === 'lead' && (
          <Caption1 data-testid="entry-visibility">{visibilityLabel('lead', entry.visibility, i18n)}</Caption1>
        )}
      </div>
      <NotesList notes={notes} />
      {actions && <footer className={styles.footer}>{actions}</footer>}
    </article>
  );
}
