import type { ReportRow } from './report.js';
import { csvDocument, type CsvValue } from './csv-cell.js';

export const REPORT_CSV_COLUMNS = [
  'team',
  'week',
  'week_start',
  'entries',
  'minutes',
  'resource_ratings',
  'members',
  'response_rate',
  'insights',
  'actions',
  'results',
  'actions_due',
  'follow_through',
  'median_days_to_result',
  'goals_open',
  'goals_on_track',
  'follow_ups_requested',
  'follow_ups_done',
  'follow_up_rate',
  'median_days_to_follow_up',
  'follow_ups_overdue',
  'leads_behind',
] as const;

/** The report as CSV (RFC 4180), safe to open in a spreadsheet: no cell can start a formula. */
export function reportCsv(rows: readonly ReportRow[]): string {
  return csvDocument(REPORT_CSV_COLUMNS, rows.map(reportCsvRow));
}

/** One report row's cells, in REPORT_CSV_COLUMNS order (the service streams them a line at a time). */
export function reportCsvRow(r: ReportRow): CsvValue[] {
  return [
    r.teamName,
    r.week,
    r.weekStart,
    r.system.entries,
    r.system.minutes,
    r.system.resourceRatings,
    r.learner.members,
    r.learner.responseRate,
    r.learner.insights,
    r.learner.actions,
    r.learner.results,
    r.learner.actionsDue,
    r.learner.followThrough,
    r.learner.medianDaysToResult,
    r.learner.goalsOpen,
    r.learner.goalsOnTrack,
    r.leader.requested,
    r.leader.done,
    r.leader.rate,
    r.leader.medianDays,
    // Now, not per week: on the whole-period row only.
    r.expectation?.overdue ?? null,
    r.expectation?.leadsBehind ?? null,
  ];
}
