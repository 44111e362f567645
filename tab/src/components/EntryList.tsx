import { makeStyles, tokens } from '@fluentui/react-components';
import type { Entry } from '../api/types.js';
import { EntryCard } from './EntryCard.js';

const useStyles = makeStyles({
  list: { display: 'grid', gap: tokens.spacingVerticalM, listStyleType: 'none', margin: 0, padding: 0 },
});

/** The entries in the order the service gives them: newest first. */
export function EntryList({ entries, locale }: { entries: Entry[]; locale: string }) {
  const styles = useStyles();
  return (
    <ul className={styles.list} data-testid="entry-list" aria-label="My learning entries">
      {entries.map((entry) => (
        <li key={entry.id} data-testid="entry">
          <EntryCard entry={entry} locale={locale} />
        </li>
      ))}
    </ul>
  );
}
