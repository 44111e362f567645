import type { LeadLine, ReportRow } from '../contract/report.js';
import { DASHBOARD_PERIODS } from '../contract/dashboard-view.js';
import type { FollowUp } from '../contract/follow-up-rules.js';
import type { TeamSettings } from '../contract/team-settings.js';
import { isOverdue, overdueFor } from '../domain/lead-expectation.js';
import { nudgeFact } from '../domain/leader-metrics.js';
import { TeamReportTally } from '../domain/team-report-tally.js';
import type { FollowUpStore } from '../store/follow-up-store.js';
import type { NudgeStore } from '../store/nudge-store.js';
import type { RollupStore } from '../store/rollup-store.js';
import type { ShareStore } from '../store/share-store.js';
import type { TeamStore } from '../store/team-store.js';
import { teamResourceFacts } from './org-figures-resources.js';

/** A team's latest follow-ups the report reckons with, as the team dashboard does. */
const NUDGE_HISTORY = 1000;
/** A team's open follow-ups read at most, as the leads' list reads them. */
const OPEN_FOLLOW_UPS = 500;

/** The stores one team's figures are read from. */
export interface TeamFiguresReads {
  teams: Pick<TeamStore, 'readTeam'>;
  rollups: Pick<RollupStore, 'streamTeam'>;
  shares: Pick<ShareStore, 'streamTeamShares' | 'streamTeamVotes'>;
  nudges: Pick<NudgeStore, 'listTeam'>;
  followUps: Pick<FollowUpStore, 'listTeam'>;
}

/**
 * One team's report rows for every period and what it knows of each resource. Its shares and
 * marks, and its roster then rollups, are read side by side, the rollups and marks streamed a
 * storage page at a time into the team's sums: nothing larger than a page of them is held.
 */
export async function readTeamFigures(deps: TeamFiguresReads, tenantId: string, settings: TeamSettings, now: Date, followUpDays: number) {
  const { teamId } = settings;
  const resources = teamResourceFacts(deps.shares, tenantId, teamId);
  const sums = (async () => {
    const team = await deps.teams.readTeam(tenantId, teamId);
    const members = team.members.map((m) => ({ userId: m.userId, displayName: m.displayName, role: m.role, joinedAt: m.joinedAt }));
    const tally = new TeamReportTally({ teamId, name: settings.name, zone: settings.schedule?.timeZone ?? 'UTC', members }, now);
    for await (const row of deps.rollups.streamTeam(tenantId, teamId)) tally.add(row.decode());
    return tally;
  })();
  const [tally, [facts, ratingTimes], nudges, open] = await Promise.all([
    sums,
    resources,
    deps.nudges.listTeam(tenantId, teamId, NUDGE_HISTORY),
    deps.followUps.listTeam(tenantId, teamId, 'open', OPEN_FOLLOW_UPS),
  ]);
  const activity = { ratingTimes, nudges: nudges.map(nudgeFact) };
  const against = (rows: ReportRow[]) => rows.map((row) => withExpectation(row, open, now, followUpDays));
  return {
    teamId,
    name: settings.name,
    rows: new Map(DASHBOARD_PERIODS.map((weeks) => [weeks, against(tally.rows(weeks, activity))])),
    facts,
  };
}

/** A team's report rows with each lead's own figures taken out of the whole-period row into lines of their own. */
export function splitLeads(rows: readonly ReportRow[]): { rows: ReportRow[]; leads: LeadLine[] } {
  const leads: LeadLine[] = [];
  const bare = rows.map(({ leads: perLead, ...row }) => {
    for (const l of perLead ?? [])
      leads.push({
        key: `${row.teamId}/${l.leadId}`,
        teamId: row.teamId,
        teamName: row.teamName,
        leadId: l.leadId,
        displayName: l.displayName,
        requested: l.requested,
        done: l.done,
        rate: l.rate,
        medianDays: l.medianDays,
        ...teamFollowThrough(row),
        nudged: l.nudged,
        ...(l.overdue === undefined ? {} : { overdue: l.overdue }),
      });
    return row;
  });
  return { rows: bare, leads };
}

/**
 * A team's whole-period row held against what L&D asks, as things stand at `now`: each lead's
 * follow-ups overdue, the team's, and how many of its leads are behind (domain/lead-expectation.ts).
 */
function withExpectation(row: ReportRow, open: readonly FollowUp[], now: Date, days: number): ReportRow {
  if (row.week !== 'all') return row;
  const leads = (row.leads ?? []).map((l) => ({ ...l, overdue: overdueFor(l.leadId, open, now, days).length }));
  const overdue = open.filter((f) => isOverdue(f, now, days)).length;
  return { ...row, leads, expectation: { overdue, leadsBehind: leads.filter((l) => l.overdue > 0).length } };
}

/** The follow-through of a lead's team, as its row counts it, for the lead's line. */
function teamFollowThrough({
  learner,
}: ReportRow): Pick<LeadLine, 'actions' | 'results' | 'actionsDue' | 'followThrough' | 'medianDaysToResult'> {
  return {
    actions: learner.actions,
    results: learner.results,
    actionsDue: learner.actionsDue,
    followThrough: learner.followThrough,
    medianDaysToResult: learner.medianDaysToResult,
  };
}
