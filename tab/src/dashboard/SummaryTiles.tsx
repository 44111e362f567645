import { makeStyles, tokens } from '@fluentui/react-components';
import type { DashboardTotals } from '../api/dashboard-types.js';
import { formatMinutes } from '../format.js';
import { formatAverageRating, formatCount, formatPercent } from './dashboard-format.js';
import { useT, type TabTranslator } from '../i18n/i18n-context.js';
import { teamEnglish } from '../i18n/team-messages.js';
import { followThroughNote, followThroughText, medianDaysText } from '../follow-through/follow-through-format.js';

const useStyles = makeStyles({
  tiles: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))',
    gap: tokens.spacingHorizontalM,
    margin: 0,
  },
  tile: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  label: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase300 },
  value: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: 'tabular-nums',
  },
  note: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightRegular },
});

interface Tile {
  label: string;
  value: string;
  /** What the figure means when it needs saying, e.g. "of 6". */
  note?: string;
}

export function summaryTiles(
  totals: DashboardTotals,
  locale: string,
  { t, plural }: Pick<TabTranslator, 't' | 'plural'> = teamEnglish,
): Tile[] {
  const answered = totals.responded + totals.nothing;
  const sent = answered + totals.noAnswer;
  return [
    { label: t('tiles.members'), value: formatCount(totals.members, locale) },
    {
      label: t('tiles.active'),
      value: formatCount(totals.activeMembers, locale),
      note: t('tiles.ofMembers', { count: formatCount(totals.members, locale) }),
    },
    totals.responseRate === null
      ? { label: t('tiles.responseRate'), value: '–', note: t('tiles.noCheckIns') }
      : {
          label: t('tiles.responseRate'),
          value: formatPercent(totals.responseRate, locale),
          note: t('tiles.answered', { answered: formatCount(answered, locale), sent: formatCount(sent, locale) }),
        },
    { label: t('tiles.entries'), value: formatCount(totals.entries, locale) },
    { label: t('tiles.minutes'), value: formatMinutes(totals.minutes, locale) },
    totals.averageRating === null
      ? { label: t('tiles.usefulness'), value: '–', note: t('tiles.nothingRated') }
      : { label: t('tiles.usefulness'), value: formatAverageRating(totals.averageRating, locale) },
    {
      label: t('followThrough.rate'),
      value: followThroughText(totals.followThrough, locale),
      note: followThroughNote(totals.followThrough, locale, { t }),
    },
    { label: t('followThrough.median'), value: medianDaysText(totals.followThrough, { plural }) },
  ];
}

/** The period's headline figures. A description list: each figure is read with its name. */
export function SummaryTiles({ totals, locale }: { totals: DashboardTotals; locale: string }) {
  const styles = useStyles();
  const i18n = useT();
  return (
    <dl className={styles.tiles} data-testid="summary-tiles">
      {summaryTiles(totals, locale, i18n).map((tile) => (
        <div key={tile.label} className={styles.tile} data-testid="summary-tile">
          <dt className={styles.label}>{tile.label}</dt>
          <dd className={styles.value}>
            {tile.value}
            {tile.note && <div className={styles.note}>{tile.note}</div>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
