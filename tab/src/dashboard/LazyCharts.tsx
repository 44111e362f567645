import { Skeleton, SkeletonItem, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense } from 'react';
import type { ChartData } from './chart-data.js';
import { ChunkBoundary, useRetryableLazy } from '../components/ChunkBoundary.js';

// Its own chunk: the chart library (and d3) outweighs the rest of the tab, and only this page needs it.
const loadCharts = () => import('./DashboardCharts.js');

const useStyles = makeStyles({
  placeholder: {
    display: 'grid',
    gap: tokens.spacingVerticalL,
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 480px), 1fr))',
  },
  box: { height: '340px', width: '100%' },
});

export function LazyCharts(props: { data: ChartData; locale: string }) {
  const { attempt, Lazy: Charts, retry } = useRetryableLazy(loadCharts);
  return (
    <ChunkBoundary key={attempt} onRetry={retry} message="Couldn’t load the charts. The tables below show the same numbers.">
      <Suspense fallback={<ChartsPlaceholder />}>
        <Charts {...props} />
      </Suspense>
    </ChunkBoundary>
  );
}

function ChartsPlaceholder() {
  const styles = useStyles();
  return (
    <Skeleton className={styles.placeholder} aria-label="Loading charts…" data-testid="charts-loading">
      <SkeletonItem shape="rectangle" className={styles.box} />
      <SkeletonItem shape="rectangle" className={styles.box} />
    </Skeleton>
  );
}
