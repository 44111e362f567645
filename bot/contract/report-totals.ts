import { addDaysToResult, followThroughRate, medianDaysOf, type DaysToResult } from './follow-through.js';
import type { ReportRow } from './report.js';

/**
 * Report rows added up across teams. Rates are recombined from their counts, never averaged, so a
 * team of fifty weighs fifty times a team of one; a median from the days counted behind it. The service adds up the organisation a chunk of
 * teams at a time and the tab adds up one team's weeks: both through these functions.
 */

/** What rows add up to; `weekStart` is the first row's (every team's row of one ISO week starts the same Monday). */
export interface ReportSums {
  weekStart: string | null;
  entries: number;
  minutes: number;
  resourceRatings: number;
  members: number;
  insights: number;
  actions: number;
  results: number;
  actionsDue: number;
  daysToResult: DaysToResult;
  checkInsAnswered: number;
  checkInsClosed: number;
  goalsOpen: number;
  goalsOnTrack: number;
  followUpsRequested: number;
  followUpsDone: number;
}

/** One week of the organisation (or "all" for the whole period), as the report shows it. */
export interface OrganisationWeek {
  week: string;
  weekStart: string | null;
  entries: number;
  minutes: number;
  resourceRatings: number;
  insights: number;
  actions: number;
  /** Results recorded, actions due, follow-through and the median days to a result (contract/follow-through.ts). */
  results: number;
  actionsDue: number;
  followThrough: number | null;
  medianDaysToResult: number | null;
  responseRate: number | null;
  followUpsRequested: number;
  followUpsDone: number;
  followUpRate: number | null;
}

/** The whole organisation for the period, with the open goals its teams' whole-period rows hold. */
export interface OrganisationTotal extends OrganisationWeek {
  members: number;
  goalsOpen: number;
  goalsOnTrack: number;
}

export interface OrganisationTotals {
  total: OrganisationTotal;
  /** Oldest first. */
  weeks: OrganisationWeek[];
}

export const NO_SUMS: ReportSums = {
  weekStart: null,
  entries: 0,
  minutes: 0,
  resourceRatings: 0,
  members: 0,
  insights: 0,
  actions: 0,
  results: 0,
  actionsDue: 0,
  daysToResult: [],
  checkInsAnswered: 0,
  checkInsClosed: 0,
  goalsOpen: 0,
  goalsOnTrack: 0,
  followUpsRequested: 0,
  followUpsDone: 0,
};

export function sumsOfRow(r: ReportRow): ReportSums {
  // Rows stored before results were counted have none, until the figures' next pass (15 minutes) replaces them.
  const { results = 0, actionsDue = 0, daysToResult = [] } = r.learner;
  return {
    weekStart: r.weekStart,
    entries: r.system.entries,
    minutes: r.system.minutes,
    resourceRatings: r.system.resourceRatings,
    members: r.learner.members,
    insights: r.learner.insights,
    actions: r.learner.actions,
    results,
    actionsDue,
    daysToResult,
    checkInsAnswered: r.learner.checkInsAnswered,
    checkInsClosed: r.learner.checkInsClosed,
    goalsOpen: r.learner.goalsOpen ?? 0,
    goalsOnTrack: r.learner.goalsOnTrack ?? 0,
    followUpsRequested: r.leader.requested,
    followUpsDone: r.leader.done,
  };
}

export function addSums(a: ReportSums, b: ReportSums): ReportSums {
  return {
    weekStart: a.weekStart ?? b.weekStart,
    entries: a.entries + b.entries,
    minutes: a.minutes + b.minutes,
    resourceRatings: a.resourceRatings + b.resourceRatings,
    members: a.members + b.members,
    insights: a.insights + b.insights,
    actions: a.actions + b.actions,
    results: a.results + b.results,
    actionsDue: a.actionsDue + b.actionsDue,
    daysToResult: addDaysToResult(a.daysToResult, b.daysToResult),
    checkInsAnswered: a.checkInsAnswered + b.checkInsAnswered,
    checkInsClosed: a.checkInsClosed + b.checkInsClosed,
    goalsOpen: a.goalsOpen + b.goalsOpen,
    goalsOnTrack: a.goalsOnTrack + b.goalsOnTrack,
    followUpsRequested: a.followUpsRequested + b.followUpsRequested,
    followUpsDone: a.followUpsDone + b.followUpsDone,
  };
}

export function organisationWeek(week: string, s: ReportSums): OrganisationWeek {
  return {
    week,
    weekStart: s.weekStart,
    entries: s.entries,
    minutes: s.minutes,
    resourceRatings: s.resourceRatings,
    insights: s.insights,
    actions: s.actions,
    results: s.results,
    actionsDue: s.actionsDue,
    followThrough: followThroughRate(s.results, s.actionsDue),
    medianDaysToResult: medianDaysOf(s.daysToResult),
    responseRate: s.checkInsClosed ? s.checkInsAnswered / s.checkInsClosed : null,
    followUpsRequested: s.followUpsRequested,
    followUpsDone: s.followUpsDone,
    followUpRate: s.followUpsRequested ? s.followUpsDone / s.followUpsRequested : null,
  };
}

/** Rows of any number of teams added up per week: "all" as the total, then each week oldest first. */
export function totalsOf(byWeek: ReadonlyMap<string, ReportSums>): OrganisationTotals {
  const all = byWeek.get('all') ?? NO_SUMS;
  return {
    total: { ...organisationWeek('all', all), members: all.members, goalsOpen: all.goalsOpen, goalsOnTrack: all.goalsOnTrack },
    weeks: [...byWeek.entries()]
      .filter(([week]) => week !== 'all')
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([week, sums]) => organisationWeek(week, sums)),
  };
}

/** Adds rows into per-week sums (in place), the way totalsOf reads them. */
export function addRows(byWeek: Map<string, ReportSums>, rows: readonly ReportRow[]): void {
  for (const row of rows) byWeek.set(row.week, addSums(byWeek.get(row.week) ?? NO_SUMS, sumsOfRow(row)));
}
