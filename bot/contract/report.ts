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
  };
  leader: FollowUpFigures;
}

export interface ReportRow extends ReportFigures {
  /** Each lead's own follow-up figures; only on a team's whole-period row. */
  leads?: (LeaderFigures & { displayName: string })[];
  teamId: string;
  teamName: string;
  /** An ISO week, or "all" for the whole period. */
  week: string;
  weekStart: string | null;
}

/** The follow-ups the rules asked of a team's leads (or of one lead), and how many were made how fast; domain/leader-metrics.ts reckons them. */
export interface FollowUpFigures {
  requested: number;
  done: number;
  /** done / requested; null when nothing was asked. */
  rate: number | null;
  /** Median days from flag to the first follow-up, over the episodes followed up; null when none. */
  medianDays: number | null;
}

export interface LeaderFigures extends FollowUpFigures {
  leadId: string;
}
