import type { Goal } from '../contract/goal-rules.js';
import { weekSpan, type MemberRollup } from './member-rollup.js';

/**
 * 53 weeks: the longest dashboard and report period is 52 weeks, and the week in progress is one
 * of them, so a shorter retention would cut into the oldest week they show.
 */
export const MIN_RETENTION_DAYS = 371;

const DAY_MS = 86_400_000;

/** Raw records made before this instant are past retention. Days are whole 24-hour days: no zone decides them. */
export function retentionCutoff(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

/** Whether a week (in the team's zone) ended at or before the cutoff, so nothing in it is kept raw. */
export function isWeekBefore(week: string, cutoff: Date, zone: string): boolean {
  return weekSpan(week, zone).end.getTime() <= cutoff.getTime();
}

/** The weeks of a team's member rollups (activity or check-ins) wholly before the cutoff, oldest first. */
export function weeksBefore(rollups: readonly MemberRollup[], cutoff: Date, zone: string): string[] {
  const weeks = new Set<string>();
  const isBefore = weekIsBefore(cutoff, zone);
  for (const r of rollups) for (const week of memberWeeksBefore(r, isBefore)) weeks.add(week);
  return [...weeks].sort();
}

/**
 * Whether a week is wholly before the cutoff in a zone, each week worked out once: a team's members
 * share their weeks, and working one out (time zones, via luxon) costs far more than looking it up.
 */
export function weekIsBefore(cutoff: Date, zone: string): (week: string) => boolean {
  const known = new Map<string, boolean>();
  return (week) => {
    let before = known.get(week);
    if (before === undefined) known.set(week, (before = isWeekBefore(week, cutoff, zone)));
    return before;
  };
}

/** One member's weeks wholly before the cutoff (`isBefore` from weekIsBefore). */
export function memberWeeksBefore(rollup: MemberRollup, isBefore: (week: string) => boolean): string[] {
  const weeks = new Set([...Object.keys(rollup.weeks), ...Object.keys(rollup.cycles)]);
  return [...weeks].filter(isBefore);
}

/** One team's week, summed over its members, with no one in it: what stays once their cells go. */
export interface WeekAggregate {
  week: string;
  /** How many people had activity or a check-in that week (a count, never who). */
  learners: number;
  entries: number;
  minutes: number;
  ratingSum: number;
  ratingCount: number;
  insights: number;
  actions: number;
  /** Check-ins answered with learning, answered "nothing this week", and sent but not answered. */
  checkInsResponded: number;
  checkInsNothing: number;
  checkInsUnanswered: number;
}

export function weekAggregateOf(rollups: readonly MemberRollup[], week: string): WeekAggregate {
  let sum = emptyWeekAggregate(week);
  for (const r of rollups) sum = addToWeekAggregate(sum, r);
  return sum;
}

export function emptyWeekAggregate(week: string): WeekAggregate {
  return {
    week,
    learners: 0,
    entries: 0,
    minutes: 0,
    ratingSum: 0,
    ratingCount: 0,
    insights: 0,
    actions: 0,
    checkInsResponded: 0,
    checkInsNothing: 0,
    checkInsUnanswered: 0,
  };
}

/** The aggregate with one more member's cells of its week added: a team can be summed a page of members at a time. */
export function addToWeekAggregate(sum: WeekAggregate, r: MemberRollup): WeekAggregate {
  const a = r.weeks[sum.week];
  const c = r.cycles[sum.week];
  if (!a && !c) return sum;
  return {
    ...sum,
    learners: sum.learners + 1,
    entries: sum.entries + (a?.entries ?? 0),
    minutes: sum.minutes + (a?.minutes ?? 0),
    ratingSum: sum.ratingSum + (a?.ratingSum ?? 0),
    ratingCount: sum.ratingCount + (a?.ratingCount ?? 0),
    insights: sum.insights + (a?.insights ?? 0),
    actions: sum.actions + (a?.actions ?? 0),
    checkInsResponded: sum.checkInsResponded + (c?.answer === 'responded' ? 1 : 0),
    checkInsNothing: sum.checkInsNothing + (c?.answer === 'nothing' ? 1 : 0),
    checkInsUnanswered: sum.checkInsUnanswered + (c?.answer === 'noAnswer' ? 1 : 0),
  };
}

/** A member's rollup without the given weeks' cells; undefined when it had none of them. */
export function rollupWithout(rollup: MemberRollup, weeks: readonly string[]): MemberRollup | undefined {
  const gone = new Set(weeks);
  const has = (cells: Record<string, unknown>) => Object.keys(cells).some((w) => gone.has(w));
  if (!has(rollup.weeks) && !has(rollup.cycles)) return undefined;
  const keep = <T>(cells: Record<string, T>) => Object.fromEntries(Object.entries(cells).filter(([w]) => !gone.has(w)));
  return { ...rollup, weeks: keep(rollup.weeks), cycles: keep(rollup.cycles) };
}

/**
 * What retention does to a goal: one closed before the cutoff goes; a kept goal loses its progress
 * reports from before the cutoff (its what, why and dates stay while it is open or recently closed).
 */
export function goalAfterRetention(goal: Goal, cutoff: Date): { action: 'keep' } | { action: 'delete' } | { action: 'trim'; goal: Goal } {
  if (goal.closedAt && Date.parse(goal.closedAt) < cutoff.getTime()) return { action: 'delete' };
  const progress = goal.progress.filter((p) => Date.parse(p.at) >= cutoff.getTime());
  return progress.length === goal.progress.length ? { action: 'keep' } : { action: 'trim', goal: { ...goal, progress } };
}
