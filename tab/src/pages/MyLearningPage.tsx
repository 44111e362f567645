import { Button, MessageBar, MessageBarActions, MessageBarBody, Spinner, Text } from '@fluentui/react-components';
import type { ApiClient } from '../api/api-client.js';
import { EntryList } from '../components/EntryList.js';
import { PageLayout } from '../components/PageLayout.js';
import { useEntries } from '../entries/use-entries.js';

interface Props {
  client: ApiClient;
  locale: string;
  /** How often the log refreshes while visible. */
  pollMs: number;
}

export function MyLearningPage({ client, locale, pollMs }: Props) {
  const { state, retry, loadMore } = useEntries(client, pollMs);
  const count = state.entries.length;

  return (
    <PageLayout title="My learning" testId="my-learning">
      {state.phase === 'loading' && <Spinner label="Loading your learning…" />}
      {state.phase === 'error' && <Problem message={state.loadError} onRetry={retry} />}
      {state.refreshError && <Problem message={state.refreshError} onRetry={retry} intent="warning" />}
      {state.phase === 'ready' && count === 0 && (
        <Text as="p">
          No learning logged yet. Type <strong>check in</strong> to the Learning Loop bot in Teams to log what you learned, from what,
          and what you will do with it.
        </Text>
      )}
      {state.phase === 'ready' && count > 0 && (
        <>
          <Text as="p" aria-live="polite">
            {count === 1 ? '1 entry' : `${count} entries`}, newest first
          </Text>
          <EntryList entries={state.entries} locale={locale} />
          {state.moreError && <Problem message={state.moreError} onRetry={loadMore} />}
          {state.nextCursor && !state.moreError && (
            <Button onClick={loadMore} disabled={state.loadingMore}>
              {state.loadingMore ? 'Loading more…' : 'Load more'}
            </Button>
          )}
        </>
      )}
    </PageLayout>
  );
}

function Problem({ message, onRetry, intent = 'error' }: { message: string | undefined; onRetry: () => void; intent?: 'error' | 'warning' }) {
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>{message}</MessageBarBody>
      <MessageBarActions>
        <Button onClick={onRetry}>Retry</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
