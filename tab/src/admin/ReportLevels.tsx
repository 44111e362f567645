import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReportRow } from '../api/report-types.js';
import { formatCount, formatPercent } from '../dashboard/dashboard-format.js';
import { formatMinutes } from '../format.js';
import { organisationWeeks, teamLines } from './report-view.js';

const useStyles = makeStyles({
  levels: { display: 'grid', gap: tokens.spacingHorizontalM, gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))' },
  level: {
    display: 'grid',
    alignContent: 'start',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  heading: { margin: 0 },
  list: { margin: 0, display: 'grid', gridTemplateColumns: 'auto auto', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS },
  term: { color: tokens.colorNeutralForeground2 },
  pair: { display: 'contents' },
  value: { margin: 0, textAlign: 'end', fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
});

interface Figure {
  label: string;
  value: string;
}

/** The three levels of accountability for the whole organisation: the system, the learners, the leaders. */
export function ReportLevels({ rows, locale }: { rows: readonly ReportRow[]; locale: string }) {
  const styles = useStyles();
  const count = (n: number) => formatCount(n, locale);
  const rate = (v: number | null) => (v === null ? '—' : formatPercent(v, locale));
  const { total } = organisationWeeks(rows);
  const teams = teamLines(rows);
  const goalsOpen = teams.reduce((n, t) => n + (t.learner.goalsOpen ?? 0), 0);
  const goalsOnTrack = teams.reduce((n, t) => n + (t.learner.goalsOnTrack ?? 0), 0);
  const levels: { title: string; testId: string; figures: Figure[] }[] = [
    {
      title: 'System',
      testId: 'level-system',
      figures: [
        { label: 'Entries', value: count(total.entries) },
        { label: 'Minutes of learning', value: formatMinutes(total.minutes, locale) },
        { label: 'Resource ratings', value: count(total.resourceRatings) },
      ],
    },
    {
      title: 'Learners',
      testId: 'level-learners',
      figures: [
        { label: 'Response rate', value: rate(total.responseRate) },
        { label: 'Entries with an insight', value: count(total.insights) },
        { label: 'Entries with an action', value: count(total.actions) },
        { label: 'Goals on track', value: goalsOpen ? `${count(goalsOnTrack)} of ${count(goalsOpen)}` : 'none open' },
      ],
    },
    {
      title: 'Leaders',
      testId: 'level-leaders',
      figures: [
        { label: 'Follow-ups asked', value: count(total.followUpsRequested) },
        { label: 'Follow-ups done', value: count(total.followUpsDone) },
        { label: 'Follow-up rate', value: rate(total.followUpRate) },
      ],
    },
  ];
  return (
    <div className={styles.levels}>
      {levels.map((level) => (
        <div key={level.title} className={styles.level} data-testid={level.testId}>
          <Text as="h3" size={400} weight="semibold" className={styles.heading}>
            {level.title}
          </Text>
          <dl className={styles.list}>
            {level.figures.map((f) => (
              <div key={f.label} className={styles.pair}>
                <dt className={styles.term}>{f.label}</dt>
                <dd className={styles.value}>{f.value}</dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </div>
  );
}
