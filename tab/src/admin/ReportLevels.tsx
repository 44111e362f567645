import { Text, makeStyles, tokens } from '@fluentui/react-components';
import type { OrganisationTotal } from '../api/report-types.js';
import { formatCount, formatPercent } from '../dashboard/dashboard-format.js';
import { formatMinutes } from '../format.js';
import type { MessageKey } from '../i18n/catalog.js';
import { useT } from '../i18n/i18n-context.js';
import { followThroughText, medianDaysText } from './report-view.js';

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
  list: {
    margin: 0,
    display: 'grid',
    gridTemplateColumns: 'auto auto',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
  },
  term: { color: tokens.colorNeutralForeground2 },
  pair: { display: 'contents' },
  value: { margin: 0, textAlign: 'end', fontWeight: tokens.fontWeightSemibold, fontVariantNumeric: 'tabular-nums' },
});

interface Figure {
  label: MessageKey;
  value: string;
}

/** The three levels of accountability for the whole organisation: the system, the learners, the leaders. */
export function ReportLevels({ total, locale }: { total: OrganisationTotal; locale: string }) {
  const styles = useStyles();
  const i18n = useT();
  const { t } = i18n;
  const count = (n: number) => formatCount(n, locale);
  const rate = (v: number | null) => (v === null ? '—' : formatPercent(v, locale));
  const { goalsOpen, goalsOnTrack } = total;
  const levels: { title: MessageKey; testId: string; figures: Figure[] }[] = [
    {
      title: 'report.system',
      testId: 'level-system',
      figures: [
        { label: 'report.entries', value: count(total.entries) },
        { label: 'report.minutesOfLearning', value: formatMinutes(total.minutes, locale) },
        { label: 'report.ratings', value: count(total.resourceRatings) },
      ],
    },
    {
      title: 'report.learners',
      testId: 'level-learners',
      figures: [
        { label: 'report.responseRate', value: rate(total.responseRate) },
        { label: 'report.withInsight', value: count(total.insights) },
        { label: 'report.withAction', value: count(total.actions) },
        { label: 'report.results', value: count(total.results) },
        { label: 'followThrough.rate', value: followThroughText(total, locale, i18n) },
        { label: 'followThrough.median', value: medianDaysText(total.medianDaysToResult, i18n) },
        {
          label: 'report.goalsOnTrack',
          value: goalsOpen ? t('report.partOf', { part: count(goalsOnTrack), whole: count(goalsOpen) }) : t('report.noneOpen'),
        },
      ],
    },
    {
      title: 'report.leaders',
      testId: 'level-leaders',
      figures: [
        { label: 'report.followUpsAsked', value: count(total.followUpsRequested) },
        { label: 'report.followUpsDone', value: count(total.followUpsDone) },
        { label: 'report.followUpRate', value: rate(total.followUpRate) },
      ],
    },
  ];
  return (
    <div className={styles.levels}>
      {levels.map((level) => (
        <div key={level.title} className={styles.level} data-testid={level.testId}>
          <Text as="h3" size={400} weight="semibold" className={styles.heading}>
            {t(level.title)}
          </Text>
          <dl className={styles.list}>
            {level.figures.map((f) => (
              <div key={f.label} className={styles.pair}>
                <dt className={styles.term}>{t(f.label)}</dt>
                <dd className={styles.value}>{f.value}</dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
    </div>
  );
}
