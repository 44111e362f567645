import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  notes: { display: 'grid', gap: tokens.spacingVerticalS, margin: 0 },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0, overflowWrap: 'anywhere' },
});

/** The labelled notes under an entry or a share (insight, action, link…), as a description list; nothing when empty. */
export function NotesList({ notes }: { notes: ReadonlyArray<readonly [string, ReactNode]> }) {
  const styles = useStyles();
  if (notes.length === 0) return null;
  return (
    <dl className={styles.notes}>
      {notes.map(([term, detail]) => (
        <div key={term}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.detail}>{detail}</dd>
        </div>
      ))}
    </dl>
  );
}
