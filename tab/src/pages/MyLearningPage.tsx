import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  Title1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ApiClient } from '../api/api-client.js';
import { EntryCard } from './EntryCard.js';
import { useEntries } from './use-entries.js';

const useStyles = makeStyles({
  main: {
    display: 'grid',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalXL,
    maxWidth: '880px',
  },
  list: { display: 'grid', gap: tokens.spacingVerticalM },
});

export function MyLearningPage({ client, locale, pollMs }: { client: ApiClient; locale: string; pollMs: number }) {
  const styles = useStyles();
  const { state, retry, loadMore } = useEntries(client, pollMs);

  return (
    <main className={styles.main} data-testid="my-learning">
      <Title1 as="h1">My learning</Title1>
      {state.status === 'loading' && <Spinner label="Loading your learning…" />}
      {state.status === 'error' && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Something went wrong</MessageBarTitle>
            {state.message}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={retry}>Retry</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {state.status === 'ready' && state.entries.length === 0 && (
        <Text>
          No learning logged yet. Type <strong>check in</strong> to the Learning Loop bot in Teams to log what you learned.
        </Text>
      )}
      {state.status === 'ready' && state.entries.length > 0 && (
        <>
          <Text aria-live="polite">
            {state.entries.length === 1 ? '1 entry' : `${state.entries.length} entries`}, newest first
          </Text>
          <div className={styles.list} role="list" data-testid="entry-list" aria-label="My learning entries">
            {state.entries.map((entry) => (
              <EntryCard key={entry.id} entry={entry} locale={locale} />
            ))}
          </div>
          {state.nextCursor && (
            <Button onClick={() => void loadMore()} disabled={state.loadingMore}>
              {state.loadingMore ? 'Loading…' : 'Load more'}
            </Button>
          )}
        </>
      )}
    </main>
  );
}
