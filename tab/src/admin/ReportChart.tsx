import { LineChart } from '@fluentui/react-charts';
import { useContext } from 'react';
import { ChartFigure } from '../components/ChartFigure.js';
import { chartColors } from '../dashboard/chart-colors.js';
import { formatWeekStart } from '../dashboard/dashboard-format.js';
import { directionOf, useT } from '../i18n/i18n-context.js';
import { ThemeNameContext } from '../theme.js';
import type { OrganisationWeek } from '../api/report-types.js';
import { axisWeekStarts, describeRates, rateLines } from './report-view.js';

const utcDay = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Loaded on demand (see LazyReportChart): the chart library is most of this chunk's weight. */
export default function ReportChart({ weeks, scope, locale }: { weeks: readonly OrganisationWeek[]; scope: string; locale: string }) {
  const i18n = useT();
  const { t } = i18n;
  const colors = chartColors(useContext(ThemeNameContext));
  const lines = rateLines(weeks).map((line) => ({
    legend: t(line.label),
    color: line.key === 'response' ? colors.responded : colors.nothing,
    data: line.points.map((p) => ({ x: utcDay(p.weekStart), y: Math.round(p.rate * 100) })),
  }));
  return (
    <ChartFigure title={t('report.chartTitle', { scope })} description={describeRates(weeks, locale, i18n)} testId="report-chart">
      <LineChart
        data={{ lineChartData: lines }}
        height={260}
        culture={locale}
        // Each point is a week's Monday: label those, as the tables do, not the axis's own Sundays.
        tickValues={axisWeekStarts(weeks).map(utcDay)}
        customDateTimeFormatter={(date) => formatWeekStart(date.toISOString().slice(0, 10), locale)}
        yAxisTitle={t('report.percent')}
        yMinValue={0}
        yMaxValue={100}
        // Room for the axis labels on the side the reading starts from: the chart mirrors right to left.
        margins={directionOf(i18n) === 'rtl' ? { right: 60 } : { left: 60 }}
      />
    </ChartFigure>
  );
}
