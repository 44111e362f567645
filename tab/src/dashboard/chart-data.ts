import type { DashboardResponse } from '../api/dashboard-types.js';
import { sourceLabel } from '../format.js';
import { formatCount, formatWeekStart, formatWeekStartLong } from './dashboard-format.js';

/** The three answers a check-in can have, in the order the stacked bars and tables show them. */
export const PARTICIPATION_SERIES = [
  { key: 'responded', label: 'Responded' },
  { key: 'nothing', label: 'Nothing this week' },
  { key: 'noAnswer', label: 'No answer' },
] as const;

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

export function chartData(dashboard: DashboardResponse, locale: string): ChartData {
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
  const range = first && last ? `${formatWeekStartLong(first.weekStart, locale)} to ${formatWeekStartLong(last.weekStart, locale)}` : '';
  return {
    weeks,
    sources: dashboard.sources.map((s) => ({ label: sourceLabel(s.sourceType), entries: s.entries })),
    range,
  };
}

/** One sentence a screen reader announces for the participation chart; the table has the detail. */
export function describeParticipation(data: ChartData, locale: string): string {
  const sum = (key: ParticipationKey) => data.weeks.reduce((total, w) => total + w[key], 0);
  const parts = PARTICIPATION_SERIES.map((s) => `${formatCount(sum(s.key), locale)} ${s.label.toLocaleLowerCase()}`);
  return `Check-ins by week, weeks starting ${data.range}: ${parts.join(', ')} in total.`;
}

export function describeMinutes(data: ChartData, locale: string): string {
  const total = data.weeks.reduce((sum, w) => sum + w.minutes, 0);
  const busiest = data.weeks.reduce<WeekRow | undefined>((best, w) => (!best || w.minutes > best.minutes ? w : best), undefined);
  const peak = busiest && busiest.minutes > 0 ? `; the most was ${formatCount(busiest.minutes, locale)} in the week of ${busiest.label}` : '';
  return `Minutes of learning by week, weeks starting ${data.range}: ${formatCount(total, locale)} minutes in total${peak}.`;
}

export function describeSources(data: ChartData, locale: string): string {
  if (data.sources.length === 0) return 'No entries in this period, so no sources to show.';
  const parts = data.sources.map((s) => `${s.label} ${formatCount(s.entries, locale)}`);
  return `Entries by kind of source, most first: ${parts.join(', ')}.`;
}
