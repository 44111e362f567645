import { actionFiguresOf, addWeek, emptyTally } from './follow-through.js';
import { leaderMetrics, type NudgeFact } from './leader-metrics.js';
import { periodWeeks, weekSpan, type MemberRollup } from './member-rollup.js';
import { standingFlags } from './standing-flags.js';
import type { ReportRow } from '../contract/report.js';

export interface ReportTeam {
  teamId: string;
  name: string;
  zone: string;
  members: readonly { userId: string; displayName: string; role: 'lead' | 'member'; joinedAt: string }[];
  rollups: readonly MemberRollup[];
  /** When each resource rating on the team's shares was given (epoch ms). */
  ratingTimes: readonly number[];
  nudges: readonly NudgeFact[];
}

export function accountabilityReport(teams: readonly ReportTeam[], weeks: number, now: Date): ReportRow[] {
  return teams.flatMap((team) => teamRows(team, weeks, now));
}

function teamRows(team: ReportTeam, weekCount: number, now: Date): ReportRow[] {
  const weeks = periodWeeks(now, weekCount, team.zone);
  const onRoster = new Set(team.members.map((m) => m.userId));
  const rollups = team.rollups.filter((r) => onRoster.has(r.userId));
  const leadIds = team.members.filter((m) => m.role === 'lead').map((m) => m.userId);
  const standing = standingFlags(team.members, rollups, now);
  const row = (week: string, weekStart: string | null, inWeeks: Set<string>, from: number, to: number, withGoals: boolean): ReportRow => {
    let entries = 0;
    let minutes = 0;
    let insights = 0;
    let actions = 0;
    let answered = 0;
    let closed = 0;
    const outcomes = emptyTally();
    for (const r of rollups) {
      for (const w of inWeeks) {
        const a = r.weeks[w];
        if (a) {
          entries += a.entries;
          minutes += a.minutes;
          insights += a.insights;
          actions += a.actions;
          addWeek(outcomes, a, now);
        }
        const c = r.cycles[w];
        if (c) {
          closed++;
          if (c.answer !== 'noAnswer') answered++;
        }
      }
    }
    const goals = rollups.flatMap((r) => r.goals);
    return {
      teamId: team.teamId,
      teamName: team.name,
      week,
      weekStart,
      system: { entries, minutes, resourceRatings: team.ratingTimes.filter((t) => t >= from && t < to).length },
      learner: {
        members: team.members.length,
        responseRate: closed ? answered / closed : null,
        checkInsAnswered: answered,
        checkInsClosed: closed,
        insights,
        actions,
        goalsOpen: withGoals ? goals.length : null,
        goalsOnTrack: withGoals ? goals.filter((g) => now.getTime() < g.overdueAfter && !g.behindTwice).length : null,
        ...actionFiguresOf(outcomes),
      },
      ...leaderLevel(from, to, withGoals),
    };
  };
  const names = new Map(team.members.map((m) => [m.userId, m.displayName]));
  const leaderLevel = (from: number, to: number, perLead: boolean) => {
    const metrics = leaderMetrics({ leadIds, standing, nudges: team.nudges, from, to });
    return {
      leader: metrics.team,
      ...(perLead ? { leads: metrics.leads.map((l) => ({ ...l, displayName: names.get(l.leadId) ?? l.leadId })) } : {}),
    };
  };
  const spans = weeks.map(({ week, weekStart }) => ({ week, weekStart, ...weekSpan(week, team.zone) }));
  const first = spans[0]!.start.getTime();
  const end = spans.at(-1)!.end.getTime();
  return [
    row('all', null, new Set(weeks.map((w) => w.week)), first, end, true),
    ...spans.map((s) => row(s.week, s.weekStart, new Set([s.week]), s.start.getTime(), s.end.getTime(), false)),
  ];
}
