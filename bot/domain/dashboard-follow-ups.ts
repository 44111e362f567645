import type { RosterEntry } from './dashboard.js';
import type { DashboardFollowUps, DashboardPeriod } from '../contract/dashboard-view.js';
import { leaderMetrics, type NudgeFact } from './leader-metrics.js';
import type { FollowUpFigures, LeaderFigures } from '../contract/report.js';
import { periodWeeks, weekSpan, type MemberRollup } from './member-rollup.js';
import { standingFlags } from './standing-flags.js';

export interface TeamFollowUps {
  team: FollowUpFigures;
  leads: LeaderFigures[];
}

const DAY_MS = 86_400_000;

/**
 * Nudges sent before this cannot answer a flag raised in the period, whatever the team's zone:
 * the period's first Monday is at most `weeks` weeks (and a daylight-saving hour) before now.
 */
export function nudgesNeededSince(now: Date, weeks: DashboardPeriod): Date {
  return new Date(now.getTime() - (weeks * 7 + 1) * DAY_MS);
}

/**
 * The leaders' figures over the dashboard's period — its weeks in the team's zone — for the team
 * and for each of its leads, counted as the admins' report counts its whole-period row.
 */
export function teamFollowUps(input: {
  roster: readonly RosterEntry[];
  rollups: readonly MemberRollup[];
  nudges: readonly NudgeFact[];
  weeks: DashboardPeriod;
  zone: string;
  now: Date;
}): TeamFollowUps {
  const weeks = periodWeeks(input.now, input.weeks, input.zone);
  const from = weekSpan(weeks[0]!.week, input.zone).start.getTime();
  const to = weekSpan(weeks.at(-1)!.week, input.zone).end.getTime();
  return leaderMetrics({
    leadIds: input.roster.filter((m) => m.role === 'lead').map((m) => m.userId),
    standing: standingFlags(input.roster, input.rollups, input.now),
    nudges: input.nudges,
    from,
    to,
  });
}

/** What one lead's dashboard shows of the team's figures: the team's and their own. */
export function followUpsFor(figures: TeamFollowUps, leadId: string): DashboardFollowUps {
  const own = figures.leads.find((l) => l.leadId === leadId);
  // Every lead is asked to follow up every flagged member: a lead without figures of their own made none.
  const yours: FollowUpFigures = own
    ? { requested: own.requested, done: own.done, rate: own.rate, medianDays: own.medianDays, nudged: own.nudged }
    : { requested: figures.team.requested, done: 0, rate: figures.team.requested ? 0 : null, medianDays: null, nudged: 0 };
  return { team: figures.team, yours };
}
