import { Skeleton, SkeletonItem, makeStyles, tokens } from '@fluentui/react-components';
import { Suspense } from 'react';
import type { ChartData } from './chart-data.js';
import { ChunkBoundary, useRetryableLazy } from '../components/ChunkBoundary.js';
import { useT } from '../i18n/i18n-context.js';

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
  const { t } = useT();
  return (
    <ChunkBoundary key={attempt} onRetry={retry} message={t('charts.failed')}>
      <Suspense fallback={<ChartsPlaceholder />}>
        <Charts {...props} />
      </Suspense>
    </ChunkBoundary>
  );
}

function ChartsPlaceholder() {
  const styles = useStyles();
  const { t } = useT();
  return (
    <Skeleton className={styles.placeholder} aria-label={t('charts.loading')} data-testid="charts-loading">
      <SkeletonItem shape="rectangle" className={styles.box} />
      <SkeletonItem shape="rectangle" className={styles.box} />
    </Skeleton>
  );
}
