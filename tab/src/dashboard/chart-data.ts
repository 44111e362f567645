import type { DashboardResponse } from '../api/dashboard-types.js';
import { sourceLabel } from '../format.js';
import { formatCount, formatWeekStart, formatWeekStartLong } from './dashboard-format.js';
import type { MessageKey } from '../i18n/catalog.js';
import type { TabTranslator } from '../i18n/i18n-context.js';
import { teamEnglish } from '../i18n/team-messages.js';

/** The three answers a check-in can have, in the order the stacked bars and tables show them. */
export const PARTICIPATION_SERIES = [
  { key: 'responded', label: 'charts.responded' },
  { key: 'nothing', label: 'charts.nothing' },
  { key: 'noAnswer', label: 'charts.noAnswer' },
] as const satisfies ReadonlyArray<{ key: string; label: MessageKey }>;

export type ParticipationKey = (typeof PARTICIPATION_SERIES)[number]['key'];

export interface WeekRow {
  week: string;
  /** The Monday the week starts, as the locale writes it. */
  label: string;
  responded: number;
  nothing: number;
  noAnswer: number;
  minutes: number;
}

export interface SourceRow {
  label: string;
  entries: number;
}

/** What the charts and their tables show; both read this so they cannot disagree. */
export interface ChartData {
  weeks: WeekRow[];
  sources: SourceRow[];
  /** E.g. "Sep 1, 2026 to Nov 17, 2026", for the charts' descriptions. */
  range: string;
}

export function chartData(dashboard: DashboardResponse, locale: string, i18n: TabTranslator = teamEnglish): ChartData {
  const weeks = dashboard.weeks.map((w) => ({
    week: w.week,
    label: formatWeekStart(w.weekStart, locale),
    responded: w.responded,
    nothing: w.nothing,
    noAnswer: w.noAnswer,
    minutes: w.minutes,
  }));
  const first = dashboard.weeks[0];
  const last = dashboard.weeks.at(-1);
  const range =
    first && last
      ? i18n.t('charts.range', { first: formatWeekStartLong(first.weekStart, locale), last: formatWeekStartLong(last.weekStart, locale) })
      : '';
  return {
    weeks,
    sources: dashboard.sources.map((s) => ({ label: sourceLabel(s.sourceType, i18n), entries: s.entries })),
    range,
  };
}

/** One sentence a screen reader announces for the participation chart; the table has the detail. */
export function describeParticipation(data: ChartData, locale: string, { t }: Pick<TabTranslator, 't'> = teamEnglish): string {
  const sum = (key: ParticipationKey) => data.weeks.reduce((total, w) => total + w[key], 0);
  const parts = PARTICIPATION_SERIES.map((s) => `${formatCount(sum(s.key), locale)} ${t(s.label).toLocaleLowerCase(locale)}`);
  return t('charts.describeParticipation', { range: data.range, parts: parts.join(t('common.listSeparator')) });
}

export function describeMinutes(data: ChartData, locale: string, { t }: Pick<TabTranslator, 't'> = teamEnglish): string {
  const total = formatCount(
    data.weeks.reduce((sum, w) => sum + w.minutes, 0),
    locale,
  );
  const busiest = data.weeks.reduce<WeekRow | undefined>((best, w) => (!best || w.minutes > best.minutes ? w : best), undefined);
  if (!busiest || busiest.minutes === 0) return t('charts.describeMinutes', { range: data.range, total });
  return t('charts.describeMinutesPeak', { range: data.range, total, most: formatCount(busiest.minutes, locale), week: busiest.label });
}

export function describeSources(data: ChartData, locale: string, { t }: Pick<TabTranslator, 't'> = teamEnglish): string {
  if (data.sources.length === 0) return t('charts.noSources');
  const parts = data.sources.map((s) => `${s.label} ${formatCount(s.entries, locale)}`);
  return t('charts.describeSources', { parts: parts.join(t('common.listSeparator')) });
}
