import { makeStyles, tokens } from '@fluentui/react-components';
import { HorizontalBarChartWithAxis, VerticalBarChart, VerticalStackedBarChart } from '@fluentui/react-charts';
import { useContext } from 'react';
import { ChartFigure } from '../components/ChartFigure.js';
import { ThemeNameContext } from '../theme.js';
import { chartColors } from './chart-colors.js';
import { PARTICIPATION_SERIES, describeMinutes, describeParticipation, describeSources, type ChartData } from './chart-data.js';
import { formatCount } from './dashboard-format.js';
import { directionOf, useT } from '../i18n/i18n-context.js';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gap: tokens.spacingVerticalL,
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 480px), 1fr))',
  },
});

const CHART_HEIGHT = 260;

interface Props {
  data: ChartData;
  locale: string;
}

/** Loaded on demand (see LazyCharts): the chart library is most of this chunk's weight. */
export default function DashboardCharts({ data, locale }: Props) {
  const styles = useStyles();
  const i18n = useT();
  const { t } = i18n;
  // Room for the axis labels on the side the reading starts from: the charts mirror right to left.
  const startMargin = (px: number) => (directionOf(i18n) === 'rtl' ? { right: px } : { left: px });
  const colors = chartColors(useContext(ThemeNameContext));
  // Tooltips and the value axes (the charts' own culture reaches only their dates) in the reader's digits.
  const count = (n: number) => formatCount(n, locale);
  // "90 min" however many hours that is: the axis counts minutes.
  const minutesUnit = new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'short' });

  const participation = data.weeks.map((w) => ({
    xAxisPoint: w.label,
    chartData: PARTICIPATION_SERIES.map((s) => ({
      legend: t(s.label),
      data: w[s.key],
      color: colors[s.key],
      yAxisCalloutData: count(w[s.key]),
    })),
  }));
  const minutes = data.weeks.map((w) => ({
    x: w.label,
    y: w.minutes,
    legend: t('charts.minutesLegend'),
    color: colors.minutes,
    yAxisCalloutData: minutesUnit.format(w.minutes),
  }));
  // The chart draws the first point at the top only when given bottom-up.
  const sources = [...data.sources].reverse().map((s) => ({
    x: s.entries,
    y: s.label,
    legend: s.label,
    color: colors.sources,
    xAxisCalloutData: count(s.entries),
  }));

  return (
    <div className={styles.grid} data-testid="dashboard-charts">
      <ChartFigure title={t('charts.participation')} description={describeParticipation(data, locale, i18n)} testId="chart-participation">
        <VerticalStackedBarChart
          data={participation}
          height={CHART_HEIGHT}
          culture={locale}
          barGapMax={2}
          hideLabels
          yAxisTitle={t('charts.checkInsAxis')}
          yAxisTickFormat={count}
          margins={startMargin(60)}
        />
      </ChartFigure>
      <ChartFigure title={t('charts.minutes')} description={describeMinutes(data, locale, i18n)} testId="chart-minutes">
        <VerticalBarChart
          data={minutes}
          height={CHART_HEIGHT}
          culture={locale}
          useSingleColor
          colors={[colors.minutes]}
          hideLegend
          hideLabels
          yAxisTitle={t('charts.minutesLegend')}
          yAxisTickFormat={count}
          margins={startMargin(60)}
        />
      </ChartFigure>
      {data.sources.length > 0 && (
        <ChartFigure title={t('charts.sources')} description={describeSources(data, locale, i18n)} testId="chart-sources">
          <HorizontalBarChartWithAxis
            data={sources}
            height={Math.max(160, data.sources.length * 36 + 60)}
            culture={locale}
            useSingleColor
            colors={[colors.sources]}
            hideLegend
            showYAxisLables
            xAxisTitle={t('tiles.entries')}
            // Room for the longest kind ("On the job", "Mentoring") at any zoom; the chart's own measure cuts it short.
            margins={startMargin(110)}
          />
        </ChartFigure>
      )}
    </div>
  );
}
