import { Spinner } from '@fluentui/react-components';
import { Suspense, type ComponentProps } from 'react';
import { ChunkBoundary, useRetryableLazy } from '../components/ChunkBoundary.js';
import type ReportChart from './ReportChart.js';

// Its own chunk: the chart library outweighs the rest of the report, and the tables say the same.
const loadChart = () => import('./ReportChart.js');

export function LazyReportChart(props: ComponentProps<typeof ReportChart>) {
  const { attempt, Lazy: Chart, retry } = useRetryableLazy(loadChart);
  return (
    <ChunkBoundary key={attempt} onRetry={retry} message="Couldn’t load the chart. The table below shows the same numbers.">
      <Suspense fallback={<Spinner size="small" label="Loading the chart…" />}>
        <Chart {...props} />
      </Suspense>
    </ChunkBoundary>
  );
}
