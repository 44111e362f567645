import { Spinner } from '@fluentui/react-components';
import { Suspense, type ComponentType } from 'react';
import { ChunkBoundary, useRetryableLazy } from '../components/ChunkBoundary.js';
import { PageLayout } from '../components/PageLayout.js';

interface LazyPageOptions<P extends object> {
  load: () => Promise<{ default: ComponentType<P> }>;
  title: string;
  testId: string;
  loadingLabel: string;
  failure: string;
}

/**
 * Each page is its own chunk, so a page's first view loads only the shell and that page: the
 * dashboard's tables never weigh on the learner's log, nor the log's edit forms on the dashboard.
 */
export function lazyPage<P extends object>({ load, title, testId, loadingLabel, failure }: LazyPageOptions<P>) {
  return function LazyPage(props: P) {
    const { attempt, Lazy, retry } = useRetryableLazy(load);
    return (
      <Suspense
        fallback={
          <PageLayout title={title} testId={testId}>
            <Spinner label={loadingLabel} />
          </PageLayout>
        }
      >
        <ChunkBoundary key={attempt} onRetry={retry} message={failure}>
          <Lazy {...props} />
        </ChunkBoundary>
      </Suspense>
    );
  };
}
