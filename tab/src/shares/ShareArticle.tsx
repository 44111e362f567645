import { Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useCardSurfaceStyles } from '../components/card-surface.js';
import { useVisuallyHidden } from '../components/visually-hidden.js';
import { useT } from '../i18n/i18n-context.js';

const useStyles = makeStyles({
  header: { display: 'grid', gap: tokens.spacingVerticalXXS },
  title: { overflowWrap: 'anywhere' },
  byline: { color: tokens.colorNeutralForeground2 },
  // On the cards' surface, with a little more room inside for a share's several parts.
  article: { padding: tokens.spacingVerticalL, '& h3, & p, & dl, & dd': { margin: 0 } },
  link: {
    color: tokens.colorBrandForegroundLink,
    // Underlined, so a link is told from text by more than its colour.
    textDecorationLine: 'underline',
    overflowWrap: 'anywhere',
    ':hover': { color: tokens.colorBrandForegroundLinkHover },
  },
});

/**
 * A card-like article for one share, nudge, goal or note: plain markup with the cards' surface
 * (components/card-surface.ts) rather than Fluent's Card, which would weigh on the first views.
 */
export function ShareArticle({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  const styles = useStyles();
  const card = useCardSurfaceStyles();
  return (
    <article aria-labelledby={labelledBy} className={mergeClasses(card.surface, styles.article)}>
      {children}
    </article>
  );
}

/** A web link that opens in a new tab, and says so to screen readers. */
export function ExternalLink({ href, children, className }: { href: string; children: ReactNode; className?: string }) {
  const styles = useStyles();
  const hidden = useVisuallyHidden();
  const { t } = useT();
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className={mergeClasses(styles.link, className)}>
      {children}
      <span className={hidden.root}> {t('entry.opensInNewTab')}</span>
    </a>
  );
}

/** An article's title (its h3, which names the article) and the line under it: by whom and when. */
export function ArticleHeader({ titleId, title, byline }: { titleId: string; title: ReactNode; byline: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.header}>
      <Text as="h3" id={titleId} weight="semibold" size={400} className={styles.title}>
        {title}
      </Text>
      <Text size={200} className={styles.byline}>
        {byline}
      </Text>
    </div>
  );
}
