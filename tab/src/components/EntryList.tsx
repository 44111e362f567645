import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Entry } from '../api/types.js';
import { EntryCard } from './EntryCard.js';
import { useT } from '../i18n/i18n-context.js';

const useStyles = makeStyles({
  list: { display: 'grid', gap: tokens.spacingVerticalM, listStyleType: 'none', margin: 0, padding: 0 },
});

interface Props {
  entries: Entry[];
  locale: string;
  headingLevel?: 2 | 3;
  /** Controls shown with each entry, e.g. Edit and Delete on the learner's own log. */
  renderActions?: (entry: Entry) => ReactNode;
}

/** The entries in the order the service gives them: newest first. */
export function EntryList({ entries, locale, headingLevel, renderActions }: Props) {
  const styles = useStyles();
  const { t } = useT();
  return (
    <ul className={styles.list} data-testid="entry-list" aria-label={t('entry.list')}>
      {entries.map((entry) => (
        <li key={entry.id} data-testid="entry">
          <EntryCard entry={entry} locale={locale} headingLevel={headingLevel} actions={renderActions?.(entry)} />
        </li>
      ))}
    </ul>
  );
}
