import { Spinner } from '@fluentui/react-components';
import { Suspense } from 'react';
import type { ApiClient } from '../api/api-client.js';
import { ChunkBoundary, useRetryableLazy } from '../components/ChunkBoundary.js';
import { useT } from '../i18n/i18n-context.js';
import { ReportSection } from './ReportTables.js';

// Its own chunk, asked for after the report: the report's first view stays as small as it was.
const loadSection = () => import('./LdSettingsSection.js');

export function LazyLdSettingsSection({ client, locale }: { client: ApiClient; locale: string }) {
  const { t } = useT();
  const { attempt, Lazy: Section, retry } = useRetryableLazy(loadSection);
  return (
    <ReportSection title={t('ldSettings.title')} testId="report-ld-settings">
      <ChunkBoundary key={attempt} onRetry={retry} message={t('ldSettings.sectionFailed')}>
        <Suspense fallback={<Spinner size="small" label={t('ldSettings.sectionLoading')} />}>
          <Section client={client} locale={locale} />
        </Suspense>
      </ChunkBoundary>
    </ReportSection>
  );
}
