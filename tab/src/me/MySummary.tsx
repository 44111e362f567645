import { Caption1, Spinner, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId } from 'react';
import type { ApiData } from '../api/use-api-data.js';
import { useCardSurfaceStyles } from '../components/card-surface.js';
import { Problem } from '../components/Problem.js';
import type { MySummaryResponse } from './use-my-summary.js';
import { entriesText, minutesText, monthText, streakText } from './summary-text.js';
import { useT } from '../i18n/i18n-context.js';
import type { FollowThroughFigures } from '../../../bot/contract/follow-through.js';
import { formatCount } from '../dashboard/dashboard-format.js';
import { followThroughNote, followThroughText, medianDaysText } from '../follow-through/follow-through-format.js';

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
  note: { color: tokens.colorNeutralForeground2 },
});

/** The learner's streak and this month at a glance. */
export function MySummary({ summary, locale }: { summary: ApiData<MySummaryResponse>; locale: string }) {
  const styles = useStyles();
  const headingId = useId();
  const i18n = useT();
  const { t } = i18n;
  const { data, error, loading, reload } = summary;
  const title = data ? t('summary.titleWithMonth', { month: monthText(data.month, locale) }) : t('summary.title');

  return (
    <section aria-labelledby={headingId} className={styles.section} data-testid="my-summary">
      <Text as="h2" id={headingId} size={500} weight="semibold" className={styles.heading}>
        {title}
      </Text>
      {!data && loading && <Spinner size="small" label={t('summary.loading')} />}
      {error && <Problem message={error} onRetry={reload} intent={data ? 'warning' : 'error'} />}
      {data && (
        <ul className={styles.tiles}>
          <Tile label={t('summary.streak')} value={streakText(data.streak, i18n)} />
          <Tile label={t('summary.time')} value={minutesText(data.minutesThisMonth, locale)} />
          <Tile label={t('summary.entries')} value={entriesText(data.entriesThisMonth, i18n)} />
        </ul>
      )}
      {data && <MyFollowThrough figures={data.followThrough} weeks={data.followThroughWeeks} locale={locale} />}
    </section>
  );
}

/** What came of the actions the learner planned: follow-through, days to a result, and how many still await one. */
function MyFollowThrough({ figures, weeks, locale }: { figures: FollowThroughFigures; weeks: number; locale: string }) {
  const styles = useStyles();
  const headingId = useId();
  const i18n = useT();
  const { t } = i18n;
  return (
    <section aria-labelledby={headingId} className={styles.section} data-testid="my-follow-through">
      <Text as="h3" id={headingId} size={400} weight="semibold" className={styles.heading}>
        {t('followThrough.myTitle')}
      </Text>
      <ul className={styles.tiles}>
        <Tile label={t('followThrough.rate')} value={followThroughText(figures, locale)} note={followThroughNote(figures, locale, i18n)} />
        <Tile label={t('followThrough.median')} value={medianDaysText(figures, i18n)} />
        <Tile label={t('followThrough.awaiting')} value={formatCount(figures.awaiting, locale)} />
      </ul>
      <Caption1 className={styles.note}>{i18n.plural('followThrough.explain', weeks)}</Caption1>
    </section>
  );
}

function Tile({ label, value, note }: { label: string; value: string; note?: string }) {
  const styles = useStyles();
  const card = useCardSurfaceStyles();
  return (
    <li>
      <div className={mergeClasses(card.surface, styles.tile)}>
        <Caption1>{label}</Caption1>
        <Text size={500} weight="semibold" className={styles.value}>
          {value}
        </Text>
        {note && <Caption1 className={styles.note}>{note}</Caption1>}
      </div>
    </li>
  );
}
