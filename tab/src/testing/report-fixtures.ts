import type {
  ActionFigures,
  FollowUpFigures,
  LeadLine,
  ReportPage,
  ReportResponse,
  ReportRow,
  TeamReportResponse,
} from '../../../bot/contract/report.js';
import { addRows, totalsOf, type ReportSums } from '../../../bot/contract/report-totals.js';

export const REPORT_ROUTE = 'GET /api/v1/admin/report';
export const ADMIN_ME_ROUTE = 'GET /api/v1/admin/me';

/**
 * The admins' report over two known teams, as the service reckons it on 28 November 2026
 * (tests/tab-report-fixture.test.ts checks these rows against the service's own computation).
 * Product Design learned in weeks 47 and 48, and Alex followed up Bo's overdue goal two days
 * after it was flagged. Customer Success's one member answered nothing: the organisation's rates
 * must be recombined from the counts, not averaged. Nothing happened before week 47.
 */
export const now = new Date('2026-11-28T12:00:00Z');

const productDesign = { teamId: 't1', teamName: 'Product Design' } as const;
const customerSuccess = { teamId: 't2', teamName: 'Customer Success' } as const;
const noFollowUps: FollowUpFigures = { requested: 0, done: 0, rate: null, medianDays: null, nudged: 0 };
const oneFollowUpInTwoDays: FollowUpFigures = { requested: 1, done: 1, rate: 1, medianDays: 2, nudged: 1 };
const nothingLearned: ReportRow['system'] = { entries: 0, minutes: 0, resourceRatings: 0 };

type Participation = Omit<ReportRow['learner'], 'responseRate' | 'goalsOpen' | 'goalsOnTrack' | keyof ActionFigures> &
  Partial<ActionFigures>;
const noResults: ActionFigures = { results: 0, actionsDue: 0, followThrough: null, medianDaysToResult: null, daysToResult: [] };
/** Product Design's one result: the action of week 47, four days after it was planned. */
const oneResultInFourDays: ActionFigures = { results: 1, actionsDue: 1, followThrough: 1, medianDaysToResult: 4, daysToResult: [[4, 1]] };
const learners = (p: Participation) => ({
  ...noResults,
  ...p,
  responseRate: p.checkInsClosed ? p.checkInsAnswered / p.checkInsClosed : null,
});
const silent = (members: number): Participation => ({ members, checkInsAnswered: 0, checkInsClosed: 0, insights: 0, actions: 0 });

/** One week's row; goals are counted on the whole period's row only. */
function weekRow(
  team: typeof productDesign | typeof customerSuccess,
  week: string,
  weekStart: string,
  system: ReportRow['system'],
  participation: Participation,
  leader = noFollowUps,
): ReportRow {
  return { ...team, week, weekStart, system, learner: { ...learners(participation), goalsOpen: null, goalsOnTrack: null }, leader };
}

const WEEKS = [
  { week: '2026-W45', weekStart: '2026-11-02' },
  { week: '2026-W46', weekStart: '2026-11-09' },
  { week: '2026-W47', weekStart: '2026-11-16' },
  { week: '2026-W48', weekStart: '2026-11-23' },
] as const;

function productDesignRows(weeks: readonly (typeof WEEKS)[number][]): ReportRow[] {
  const all: ReportRow = {
    ...productDesign,
    week: 'all',
    weekStart: null,
    system: { entries: 3, minutes: 60, resourceRatings: 3 },
    learner: {
      ...learners({ members: 2, checkInsAnswered: 2, checkInsClosed: 3, insights: 2, actions: 2, ...oneResultInFourDays }),
      goalsOpen: 2,
      goalsOnTrack: 1,
    },
    leader: oneFollowUpInTwoDays,
    leads: [{ leadId: 'alex', displayName: 'Alex', ...oneFollowUpInTwoDays }],
  };
  const byWeek = ({ week, weekStart }: (typeof WEEKS)[number]): ReportRow => {
    if (week === '2026-W47') {
      const system = { entries: 2, minutes: 40, resourceRatings: 1 };
      return weekRow(
        productDesign,
        week,
        weekStart,
        system,
        { members: 2, checkInsAnswered: 1, checkInsClosed: 2, insights: 2, actions: 1, ...oneResultInFourDays },
        oneFollowUpInTwoDays,
      );
    }
    if (week === '2026-W48') {
      const system = { entries: 1, minutes: 20, resourceRatings: 2 };
      return weekRow(productDesign, week, weekStart, system, {
        members: 2,
        checkInsAnswered: 1,
        checkInsClosed: 1,
        insights: 0,
        actions: 1,
      });
    }
    return weekRow(productDesign, week, weekStart, nothingLearned, silent(2));
  };
  return [all, ...weeks.map(byWeek)];
}

function customerSuccessRows(weeks: readonly (typeof WEEKS)[number][]): ReportRow[] {
  const all: ReportRow = {
    ...customerSuccess,
    week: 'all',
    weekStart: null,
    system: nothingLearned,
    learner: { ...learners({ ...silent(1), checkInsClosed: 2 }), goalsOpen: 0, goalsOnTrack: 0 },
    leader: noFollowUps,
    leads: [{ leadId: 'cy', displayName: 'Cy', ...noFollowUps }],
  };
  const unanswered = (week: string) => week === '2026-W47' || week === '2026-W48';
  return [
    all,
    ...weeks.map(({ week, weekStart }) =>
      weekRow(customerSuccess, week, weekStart, nothingLearned, { ...silent(1), checkInsClosed: unanswered(week) ? 1 : 0 }),
    ),
  ];
}

/** The report over the last two or four weeks: Product Design's rows, then Customer Success's. */
export function reportRows(weeks: 2 | 4 = 2): ReportRow[] {
  const period = WEEKS.slice(-weeks);
  return [...productDesignRows(period), ...customerSuccessRows(period)];
}

export const TEAM_REPORT_ROUTE = 'GET /api/v1/admin/report/teams/t1';
export const MORE_TEAMS_ROUTE = 'GET /api/v1/admin/report/teams';
/** When the fixture's figures were computed. */
export const AS_OF = '2026-11-28T11:45:00Z';
/** Each lead's follow-ups open longer than the L&D setting then: Alex is behind (the figures job adds these to the rows). */
const OVERDUE_NOW: Record<string, number> = { alex: 2 };

/**
 * The service's answer for those rows (GET /admin/report): the teams added up, each team's
 * whole-period row by name, and each lead's line. `firstPage` teams come with it; the rest wait
 * behind a cursor.
 */
export function readyReport(period: number, weeks: 2 | 4 = 2, firstPage = 50): ReportResponse {
  const rows = reportRows(weeks);
  const byWeek = new Map<string, ReportSums>();
  addRows(byWeek, rows);
  const teams = rows.filter((r) => r.week === 'all').sort((a, b) => a.teamName.localeCompare(b.teamName));
  const leads: LeadLine[] = teams.flatMap((r) =>
    (r.leads ?? []).map(({ leadId, displayName, requested, done, rate, medianDays, nudged }) => ({
      actions: r.learner.actions,
      results: r.learner.results,
      actionsDue: r.learner.actionsDue,
      followThrough: r.learner.followThrough,
      medianDaysToResult: r.learner.medianDaysToResult,
      key: `${r.teamId}/${leadId}`,
      teamId: r.teamId,
      teamName: r.teamName,
      leadId,
      displayName,
      requested,
      done,
      rate,
      medianDays,
      nudged,
      overdue: OVERDUE_NOW[leadId] ?? 0,
    })),
  );
  const bare = teams.map(({ leads: _leads, ...row }) => row);
  return {
    weeks: period,
    status: 'ready',
    asOf: AS_OF,
    totals: totalsOf(byWeek),
    teams: { rows: bare.slice(0, firstPage), nextCursor: bare.length > firstPage ? 'more-teams' : null },
    leads: { rows: leads, nextCursor: null },
    expectations: { followUpDays: 7, flagResponseBelow: 50 },
  };
}

/** The teams after the first page of one. */
export function moreTeams(weeks: 2 | 4 = 2): ReportPage<ReportRow> {
  const teams = reportRows(weeks)
    .filter((r) => r.week === 'all')
    .sort((a, b) => a.teamName.localeCompare(b.teamName));
  return { rows: teams.slice(1).map(({ leads: _leads, ...row }) => row), nextCursor: null };
}

/** One team's rows (GET /admin/report/teams/t1). */
export function productDesignReport(weeks: 2 | 4 = 2): TeamReportResponse {
  return {
    weeks: 12,
    asOf: AS_OF,
    rows: reportRows(weeks)
      .filter((r) => r.teamId === 't1')
      .map(({ leads: _leads, ...row }) => row),
  };
}
