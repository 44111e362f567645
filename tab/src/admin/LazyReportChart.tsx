import { Spinner } from '@fluentui/react-components';
import { Suspense, type ComponentProps } from 'react';
import { ChunkBoundary, useRetryableLazy } from '../components/ChunkBoundary.js';
import { useT } from '../i18n/i18n-context.js';
import type ReportChart from './ReportChart.js';

// Its own chunk: the chart library outweighs the rest of the report, and the tables say the same.
const loadChart = () => import('./ReportChart.js');

export function LazyReportChart(props: ComponentProps<typeof ReportChart>) {
  const { t } = useT();
  const { attempt, Lazy: Chart, retry } = useRetryableLazy(loadChart);
  return (
    <ChunkBoundary key={attempt} onRetry={retry} message={t('report.chartFailed')}>
      <Suspense fallback={<Spinner size="small" label={t('report.chartLoading')} />}>
        <Chart {...props} />
      </Suspense>
    </ChunkBoundary>
  );
}
