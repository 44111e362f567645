import { Spinner } from '@fluentui/react-components';
import { Suspense } from 'react';
import type { ApiClient } from '../api/api-client.js';
import { ChunkBoundary, useRetryableLazy } from '../components/ChunkBoundary.js';
import { useT } from '../i18n/i18n-context.js';
import { ReportSection } from './ReportTables.js';

// Its own chunk, asked for after the report: the report's first view stays as small as it was.
const loadSection = () => import('./AuditSection.js');

export function LazyAuditSection({ client, locale }: { client: ApiClient; locale: string }) {
  const { t } = useT();
  const { attempt, Lazy: Section, retry } = useRetryableLazy(loadSection);
  return (
    <ReportSection title={t('audit.title')} testId="report-audit">
      <ChunkBoundary key={attempt} onRetry={retry} message={t('audit.sectionFailed')}>
        <Suspense fallback={<Spinner size="small" label={t('audit.sectionLoading')} />}>
          <Section client={client} locale={locale} />
        </Suspense>
      </ChunkBoundary>
    </ReportSection>
  );
}
