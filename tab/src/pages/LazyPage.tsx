import { Spinner } from '@fluentui/react-components';
import { Suspense, type ComponentType } from 'react';
import { ChunkBoundary, useRetryableLazy } from '../components/ChunkBoundary.js';
import { PageLayout } from '../components/PageLayout.js';
import type { MessageKey } from '../i18n/catalog.js';
import { useT } from '../i18n/i18n-context.js';

interface LazyPageOptions<P extends object> {
  load: () => Promise<{ default: ComponentType<P> }>;
  title: MessageKey;
  testId: string;
  loadingLabel: MessageKey;
  failure: MessageKey;
}

/**
 * Each page is its own chunk, so a page's first view loads only the shell and that page: the
 * dashboard's tables never weigh on the learner's log, nor the log's edit forms on the dashboard.
 */
export function lazyPage<P extends object>({ load, title, testId, loadingLabel, failure }: LazyPageOptions<P>) {
  return Object.assign(LazyPageFor(load, { title, testId, loadingLabel, failure }), {
    /**
     * Starts fetching the page's code before the page is rendered (the shell still waits for the
     * host or the identity): the browser keeps the module, so the render then finds it loaded. A
     * failure here is left for the render's own load to meet and offer Retry.
     */
    preload: () => void load().catch(() => undefined),
  });
}

function LazyPageFor<P extends object>(
  load: LazyPageOptions<P>['load'],
  { title, testId, loadingLabel, failure }: Omit<LazyPageOptions<P>, 'load'>,
) {
  return function LazyPage(props: P) {
    const { t } = useT();
    const { attempt, Lazy, retry } = useRetryableLazy(load);
    return (
      <Suspense
        fallback={
          <PageLayout title={t(title)} testId={testId}>
            <Spinner label={t(loadingLabel)} />
          </PageLayout>
        }
      >
        <ChunkBoundary key={attempt} onRetry={retry} message={t(failure)}>
          <Lazy {...props} />
        </ChunkBoundary>
      </Suspense>
    );
  };
}
