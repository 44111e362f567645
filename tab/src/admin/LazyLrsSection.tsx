import { Spinner } from '@fluentui/react-components';
import { Suspense } from 'react';
import type { ApiClient } from '../api/api-client.js';
import { ChunkBoundary, useRetryableLazy } from '../components/ChunkBoundary.js';
import { ReportSection } from './ReportTables.js';

// Its own chunk, asked for after the report: the report's first view stays as small as it was.
const loadSection = () => import('./LrsSection.js');

export function LazyLrsSection({ client, locale }: { client: ApiClient; locale: string }) {
  const { attempt, Lazy: Section, retry } = useRetryableLazy(loadSection);
  return (
    <ReportSection title="xAPI: Learning Record Store" testId="report-lrs">
      <ChunkBoundary key={attempt} onRetry={retry} message="Couldn’t load the Learning Record Store settings.">
        <Suspense fallback={<Spinner size="small" label="Loading the Learning Record Store settings…" />}>
          <Section client={client} locale={locale} />
        </Suspense>
      </ChunkBoundary>
    </ReportSection>
  );
}
