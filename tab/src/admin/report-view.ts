import type { OrganisationTotals, OrganisationWeek, ReportRow } from '../api/report-types.js';
import { addRows, totalsOf, type ReportSums } from '../../../bot/contract/report-totals.js';
import { formatCount, formatPercent } from '../dashboard/dashboard-format.js';
import { adminEnglish } from '../i18n/admin-messages.js';
import type { MessageKey } from '../i18n/catalog.js';
import type { TabTranslator } from '../i18n/i18n-context.js';

type Words = Pick<TabTranslator, 't' | 'plural'>;

/** One team's rows (or any rows) added up: the whole period ("all"), then each week oldest first. */
export function organisationWeeks(rows: readonly ReportRow[]): OrganisationTotals {
  const byWeek = new Map<string, ReportSums>();
  addRows(byWeek, rows);
  return totalsOf(byWeek);
}

/** Goals on track out of those open, e.g. "3 of 4"; a week's row does not know. */
export function goalsOnTrackText(row: ReportRow, locale = 'en', { t }: Pick<Words, 't'> = adminEnglish): string {
  const { goalsOpen, goalsOnTrack } = row.learner;
  if (goalsOpen === null || goalsOnTrack === null) return '—';
  return goalsOpen === 0
    ? t('report.noneOpen')
    : t('report.partOf', { part: formatCount(goalsOnTrack, locale), whole: formatCount(goalsOpen, locale) });
}

/** E.g. "2.5 days", the number in the language's own format. */
export function medianDaysText(days: number | null, { plural }: Pick<Words, 'plural'> = adminEnglish): string {
  if (days === null) return '—';
  // Rounded first, so the form agrees with the number shown ("1 day", never "1.04 days").
  return plural('report.days', Math.round(days * 10) / 10);
}

/** Follow-through with its counts, e.g. "2 of 3 due (67%)"; a dash when no action is due yet. */
export function followThroughText(
  f: { results: number; actionsDue: number; followThrough: number | null },
  locale = 'en',
  { t }: Pick<Words, 't'> = adminEnglish,
): string {
  if (f.followThrough === null) return '—';
  return t('report.followThroughOf', {
    results: formatCount(f.results, locale),
    due: formatCount(f.actionsDue, locale),
    rate: formatPercent(f.followThrough, locale),
  });
}

/** A CSV file's name for the period and day, e.g. `learning-loop-report-12-weeks-2026-11-29.csv`. */
export function csvFileName(weeks: number, today: Date): string {
  return `learning-loop-report-${weeks}-weeks-${today.toISOString().slice(0, 10)}.csv`;
}

export interface RateLine {
  key: 'response' | 'followUp';
  label: MessageKey;
  points: { weekStart: string; rate: number }[];
}

/** The two rates over time; a week where nothing was asked has no point rather than a zero. */
export function rateLines(weeks: readonly OrganisationWeek[]): RateLine[] {
  const line = (key: RateLine['key'], label: MessageKey, pick: (w: OrganisationWeek) => number | null): RateLine => ({
    key,
    label,
    points: weeks.flatMap((w) => {
      const rate = pick(w);
      return rate === null || w.weekStart === null ? [] : [{ weekStart: w.weekStart, rate }];
    }),
  });
  return [
    line('response', 'report.checkInsAnswered', (w) => w.responseRate),
    line('followUp', 'report.followUpsDone', (w) => w.followUpRate),
  ];
}

/** The chart in one sentence, for screen readers and as its caption. */
export function describeRates(weeks: readonly OrganisationWeek[], locale: string, { t }: Pick<Words, 't'> = adminEnglish): string {
  const percent = (v: number) => formatPercent(v, locale);
  const [response, followUp] = rateLines(weeks);
  const say = (line: RateLine | undefined, at: MessageKey, fromTo: MessageKey, none: MessageKey) => {
    const points = line?.points ?? [];
    if (points.length === 0) return t(none);
    const first = points[0]!;
    const last = points.at(-1)!;
    return points.length === 1 ? t(at, { rate: percent(last.rate) }) : t(fromTo, { first: percent(first.rate), last: percent(last.rate) });
  };
  return t('report.describe', {
    response: say(response, 'report.answeredAt', 'report.answeredFromTo', 'report.noneClosed'),
    followUp: say(followUp, 'report.doneAt', 'report.doneFromTo', 'report.noneAsked'),
  });
}

/** The weeks to label on the chart's axis: every week up to `max`, then every second, third… so labels never crowd. */
export function axisWeekStarts(weeks: readonly OrganisationWeek[], max = 13): string[] {
  const starts = weeks.flatMap((w) => (w.weekStart ? [w.weekStart] : []));
  const step = Math.ceil(starts.length / max);
  return starts.filter((_, i) => (starts.length - 1 - i) % step === 0);
}
