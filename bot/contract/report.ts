import type { DaysToResult } from './follow-through.js';
import type { OrganisationTotals } from './report-totals.js';

/**
 * The three-level accountability report, by team and by week: the system (what was learned and
 * rated), the learners (did they take part, are their goals on track, do they record insights
 * and actions) and the leaders (did they follow up, and how fast).
 */
export interface ReportFigures {
  system: { entries: number; minutes: number; resourceRatings: number };
  learner: {
    members: number;
    /** Answered check-ins (learning or "nothing this week") over all check-ins that closed; null with none. */
    responseRate: number | null;
    /** The counts behind the rate, so rates can be combined across teams. */
    checkInsAnswered: number;
    checkInsClosed: number;
    insights: number;
    actions: number;
    /** Open goals now, and those neither overdue nor behind twice; only on a team's whole-period row. */
    goalsOpen: number | null;
    goalsOnTrack: number | null;
  } & ActionFigures;
  leader: FollowUpFigures;
}

/**
 * What came of the actions planned (`learner.actions`), counted as everywhere else
 * (contract/follow-through.ts): results recorded, actions due, follow-through (results ÷ due) and
 * the median whole days from action to result.
 */
export interface ActionFigures {
  results: number;
  actionsDue: number;
  /** results ÷ actionsDue; null when nothing is due yet. */
  followThrough: number | null;
  medianDaysToResult: number | null;
  /** The counts behind the median, so medians can be combined across teams and weeks. */
  daysToResult: DaysToResult;
}

export interface ReportRow extends ReportFigures {
  /** Each lead's own follow-up figures; only on a team's whole-period row. */
  leads?: (LeaderFigures & { displayName: string; overdue?: number })[];
  /**
   * Held against what L&D asks (domain/lead-expectation.ts), when the figures were computed: the
   * team's follow-ups open longer than the L&D setting's days, and how many of its leads are behind
   * (at least one of them overdue). Only on a team's whole-period row; absent from figures computed before they were kept.
   */
  expectation?: TeamExpectation;
  teamId: string;
  teamName: string;
  /** An ISO week, or "all" for the whole period. */
  week: string;
  weekStart: string | null;
}

/**
 * The follow-ups the rules asked of a team's leads (or of one lead), how many were done and how
 * fast; domain/leader-metrics.ts reckons them. Done means the loop closed (the learner answered and
 * a lead closed it, or the learner recorded a result), not that a nudge was sent: that is `nudged`.
 */
export interface FollowUpFigures {
  requested: number;
  done: number;
  /** done / requested; null when nothing was asked. */
  rate: number | null;
  /** Median days from flag to the follow-up being done, over the episodes done; null when none. */
  medianDays: number | null;
  /** Of those requested, how many had at least one nudge (done or not). */
  nudged: number;
}

export interface LeaderFigures extends FollowUpFigures {
  leadId: string;
}

/** One lead's own follow-ups in one team, for the whole period: a line of the report's lead table. */
export interface LeadLine {
  /** `teamId/leadId`: unique in the report. */
  key: string;
  teamId: string;
  teamName: string;
  leadId: string;
  displayName: string;
  requested: number;
  done: number;
  rate: number | null;
  medianDays: number | null;
  /**
   * The follow-through of the team the lead leads, for the whole period: the actions its members
   * planned and what came of them (the team's row holds the same counts).
   */
  actions: number;
  results: number;
  actionsDue: number;
  followThrough: number | null;
  medianDaysToResult: number | null;
  nudged: number;
  /**
   * Follow-ups of the lead's team (none about the lead themselves) open longer than the L&D
   * setting's days when the figures were computed: the lead is behind while this is above zero.
   * Absent from figures computed before it was kept.
   */
  overdue?: number;
}

/** A team's follow-ups overdue now, and its leads behind the expectation. */
export interface TeamExpectation {
  overdue: number;
  leadsBehind: number;
}

/** A page of a report table; `nextCursor` asks for the next (null on the last). */
export interface ReportPage<T> {
  rows: T[];
  nextCursor: string | null;
}

/**
 * GET /admin/report: the organisation's figures as a job last computed them (`asOf`), or
 * `preparing` while the first computation for the organisation runs.
 */
export type ReportResponse =
  | { weeks: number; status: 'preparing' }
  | {
      weeks: number;
      status: 'ready';
      /** When the figures were computed (ISO time). */
      asOf: string;
      totals: OrganisationTotals;
      /** Each team's whole-period row, by team name. */
      teams: ReportPage<ReportRow>;
      leads: ReportPage<LeadLine>;
      /**
       * What L&D asks of leaders, as set now: a lead is within the expectation when their median
       * time to follow up is at most `followUpDays`, and behind it while a follow-up of their team has
       * been open longer than that (`LeadLine.overdue`); a team is flagged when its check-in response
       * rate is below `flagResponseBelow` percent.
       */
      expectations: ReportExpectations;
    };

export interface ReportExpectations {
  followUpDays: number;
  flagResponseBelow: number;
}

/** GET /admin/report/teams/:teamId: one team's rows, the whole period first then each week. */
export interface TeamReportResponse {
  weeks: number;
  asOf: string;
  rows: ReportRow[];
}
