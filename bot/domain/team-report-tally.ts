import type { ReportRow } from '../contract/report.js';
import { memberFollowUp } from './dashboard.js';
import { actionFiguresOf, addTally, addWeek, emptyTally, type FollowThroughTally } from './follow-through.js';
import { leaderMetrics, type StandingFlag } from './leader-metrics.js';
import { periodWeeks, weekSpan, type MemberRollup } from './member-rollup.js';
import type { ReportTeam } from './accountability-report.js';

/** One week's learning and check-ins, summed over a team's members. */
interface WeekSums {
  entries: number;
  minutes: number;
  insights: number;
  actions: number;
  answered: number;
  closed: number;
  /** What came of the week's actions: counts and a histogram of days, never a list of results. */
  outcomes: FollowThroughTally;
}

/**
 * A team's report rows gathered one member's rollup at a time, so a pass over a large team holds
 * the team's sums (a few numbers a week) rather than every member's decoded rollup. Adding every
 * rollup and asking for `rows` gives what `accountabilityReport` gives for the team with all its
 * rollups in memory; that whole-team form is kept as the reference it is checked against
 * (tests/integration/org-figures.test.ts).
 */
export class TeamReportTally {
  private readonly byWeek = new Map<string, WeekSums>();
  /** Where each person stands on the roster (a person listed twice stands twice, as the roster says). */
  private readonly places = new Map<string, number[]>();
  /** The follow-up flag each roster place's rollup raised; unset where no rollup was added (flagged as never checked in). */
  private readonly flags: (StandingFlag | null | undefined)[];
  private goalsOpen = 0;
  private goalsOnTrack = 0;

  constructor(
    private readonly team: Pick<ReportTeam, 'teamId' | 'name' | 'zone' | 'members'>,
    private readonly now: Date,
  ) {
    team.members.forEach((m, i) => this.places.set(m.userId, [...(this.places.get(m.userId) ?? []), i]));
    this.flags = new Array<StandingFlag | null | undefined>(team.members.length);
  }

  /** Counts one member's rollup; a rollup of someone no longer on the roster counts for nothing. */
  add(rollup: MemberRollup): void {
    const places = this.places.get(rollup.userId);
    if (!places) return;
    for (const [week, a] of Object.entries(rollup.weeks)) {
      const sums = this.weekSums(week);
      sums.entries += a.entries;
      sums.minutes += a.minutes;
      sums.insights += a.insights;
      sums.actions += a.actions;
      addWeek(sums.outcomes, a, this.now);
    }
    for (const [week, c] of Object.entries(rollup.cycles)) {
      const sums = this.weekSums(week);
      sums.closed++;
      if (c.answer !== 'noAnswer') sums.answered++;
    }
    this.goalsOpen += rollup.goals.length;
    this.goalsOnTrack += rollup.goals.filter((g) => this.now.getTime() < g.overdueAfter && !g.behindTwice).length;
    // As a lookup by person would: a later rollup of the same person stands in for an earlier one.
    for (const i of places) {
      const flag = memberFollowUp(rollup, this.team.members[i]!.joinedAt, this.now);
      this.flags[i] = flag ? { learnerId: rollup.userId, since: flag.since } : null;
    }
  }

  /**
   * The team's whole-period row and a row per week, for the `weekCount` weeks ending with now's,
   * with the times of the ratings on its shares and its leads' nudges.
   */
  rows(weekCount: number, { ratingTimes, nudges }: Pick<ReportTeam, 'ratingTimes' | 'nudges'>): ReportRow[] {
    const { team, now } = this;
    const weeks = periodWeeks(now, weekCount, team.zone);
    const leadIds = team.members.filter((m) => m.role === 'lead').map((m) => m.userId);
    const standing = this.standing();
    const names = new Map(team.members.map((m) => [m.userId, m.displayName]));
    const row = (week: string, weekStart: string | null, inWeeks: Set<string>, from: number, to: number, withGoals: boolean): ReportRow => {
      const total: WeekSums = { entries: 0, minutes: 0, insights: 0, actions: 0, answered: 0, closed: 0, outcomes: emptyTally() };
      for (const w of inWeeks) {
        const sums = this.byWeek.get(w);
        if (!sums) continue;
        total.entries += sums.entries;
        total.minutes += sums.minutes;
        total.insights += sums.insights;
        total.actions += sums.actions;
        total.answered += sums.answered;
        total.closed += sums.closed;
        addTally(total.outcomes, sums.outcomes);
      }
      const metrics = leaderMetrics({ leadIds, standing, nudges, from, to });
      return {
        teamId: team.teamId,
        teamName: team.name,
        week,
        weekStart,
        system: {
          entries: total.entries,
          minutes: total.minutes,
          resourceRatings: ratingTimes.filter((t) => t >= from && t < to).length,
        },
        learner: {
          members: team.members.length,
          responseRate: total.closed ? total.answered / total.closed : null,
          checkInsAnswered: total.answered,
          checkInsClosed: total.closed,
          insights: total.insights,
          actions: total.actions,
          goalsOpen: withGoals ? this.goalsOpen : null,
          goalsOnTrack: withGoals ? this.goalsOnTrack : null,
          ...actionFiguresOf(total.outcomes),
        },
        leader: metrics.team,
        ...(withGoals ? { leads: metrics.leads.map((l) => ({ ...l, displayName: names.get(l.leadId) ?? l.leadId })) } : {}),
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

  /** The follow-ups standing now, in roster order: someone on the roster with no rollup is flagged as never having checked in. */
  private standing(): StandingFlag[] {
    return this.team.members.flatMap((m, i) => {
      let flag = this.flags[i];
      if (flag === undefined) {
        const followUp = memberFollowUp(undefined, m.joinedAt, this.now);
        flag = followUp ? { learnerId: m.userId, since: followUp.since } : null;
      }
      return flag ? [flag] : [];
    });
  }

  private weekSums(week: string): WeekSums {
    let sums = this.byWeek.get(week);
    if (!sums)
      this.byWeek.set(week, (sums = { entries: 0, minutes: 0, insights: 0, actions: 0, answered: 0, closed: 0, outcomes: emptyTally() }));
    return sums;
  }
}
