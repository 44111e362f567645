import { Caption1, Spinner, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { ApiData } from '../api/use-api-data.js';
import { useCardSurfaceStyles } from '../components/card-surface.js';
import { Problem } from '../components/Problem.js';
import type { MySummaryResponse } from './use-my-summary.js';
import { entriesText, minutesText, monthText, streakText } from './summary-text.js';

const useStyles = makeStyles({
  section: { display: 'grid', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  tiles: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))',
    gap: tokens.spacingHorizontalM,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  tile: { height: '100%', boxSizing: 'border-box', gap: tokens.spacingVerticalXS },
  value: { overflowWrap: 'anywhere' },
});

/** The learner's streak and this month at a glance. */
export function MySummary({ summary, locale }: { summary: ApiData<MySummaryResponse>; locale: string }) {
  const styles = useStyles();
  const headingId = useId();
  const { data, error, loading, reload } = summary;
  const title = data ? `This month: ${monthText(data.month, locale)}` : 'This month';

  return (
    <section aria-labelledby={headingId} className={styles.section} data-testid="my-summary">
      <Text as="h2" id={headingId} size={500} weight="semibold" className={styles.heading}>
        {title}
      </Text>
      {!data && loading && <Spinner size="small" label="Loading your streak and this month’s totals…" />}
      {error && <Problem message={error} onRetry={reload} intent={data ? 'warning' : 'error'} />}
      {data && (
        <ul className={styles.tiles}>
          <Tile label="Streak" value={streakText(data.streak)} />
          <Tile label="Time spent learning" value={minutesText(data.minutesThisMonth, locale)} />
          <Tile label="Entries logged" value={entriesText(data.entriesThisMonth, locale)} />
        </ul>
      )}
    </section>
  );
}

function Tile({ label, value }: { label: string; value: string }) {
  const styles = useStyles();
  const card = useCardSurfaceStyles();
  return (
    <li>
      <div className={mergeClasses(card.surface, styles.tile)}>
        <Caption1>{label}</Caption1>
        <Text size={500} weight="semibold" className={styles.value}>
          {value}
        </Text>
      </div>
    </li>
  );
}
