import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useVisuallyHidden } from '../components/visually-hidden.js';

const useStyles = makeStyles({
  article: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingVerticalL,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    // Forced-colours modes drop shadows: a border keeps each share apart there.
    border: `${tokens.strokeWidthThin} solid transparent`,
    '& h3, & p, & dl, & dd': { margin: 0 },
  },
  link: {
    color: tokens.colorBrandForegroundLink,
    // Underlined, so a link is told from text by more than its colour.
    textDecorationLine: 'underline',
    overflowWrap: 'anywhere',
    ':hover': { color: tokens.colorBrandForegroundLinkHover },
  },
});

/**
 * A card-like article for one share. Plain markup rather than Fluent's Card: sharing Card with the
 * pages' first views would split it into chunks of its own, and the first views pay for each split.
 */
export function ShareArticle({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <article aria-labelledby={labelledBy} className={styles.article}>
      {children}
    </article>
  );
}

/** A web link that opens in a new tab, and says so to screen readers. */
export function ExternalLink({ href, children, className }: { href: string; children: ReactNode; className?: string }) {
  const styles = useStyles();
  const hidden = useVisuallyHidden();
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className={mergeClasses(styles.link, className)}>
      {children}
      <span className={hidden.root}> (opens in a new tab)</span>
    </a>
  );
}
