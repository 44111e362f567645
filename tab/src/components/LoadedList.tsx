import { Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { Problem } from './Problem.js';

const useStyles = makeStyles({
  text: { margin: 0 },
  list: { display: 'grid', gap: tokens.spacingVerticalM, listStyleType: 'none', margin: 0, padding: 0 },
});

interface Props<T> {
  /** The last list loaded; kept on screen while a reload is out or after one failed. */
  items: readonly T[] | undefined;
  loading: boolean;
  error: string | undefined;
  onRetry: () => void;
  loadingLabel: string;
  /** What to say when there is nothing, including how something gets here. */
  empty: ReactNode;
  emptyTestId: string;
  /** The section heading that names the list. */
  labelledBy: string;
  itemTestId: string;
  keyOf: (item: T) => string;
  renderItem: (item: T) => ReactNode;
}

/**
 * A section's list as loaded from the service: a spinner the first time, the failure with Retry
 * (a warning above the old list when a reload failed), what to do when it is empty, or the items.
 */
export function LoadedList<T>({
  items,
  loading,
  error,
  onRetry,
  loadingLabel,
  empty,
  emptyTestId,
  labelledBy,
  itemTestId,
  keyOf,
  renderItem,
}: Props<T>) {
  const styles = useStyles();
  return (
    <>
      {!items && loading && <Spinner size="small" label={loadingLabel} />}
      {error && <Problem message={error} onRetry={onRetry} intent={items ? 'warning' : 'error'} />}
      {items && items.length === 0 && (
        <Text as="p" className={styles.text} data-testid={emptyTestId}>
          {empty}
        </Text>
      )}
      {items && items.length > 0 && (
        <ul className={styles.list} aria-labelledby={labelledBy}>
          {items.map((item) => (
            <li key={keyOf(item)} data-testid={itemTestId}>
              {renderItem(item)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
