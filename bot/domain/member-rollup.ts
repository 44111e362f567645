import { DateTime } from 'luxon';
import type { LearningEntry, SourceType } from '../contract/learning-entry.js';
import { behindTwice, isOpen } from './goal.js';
import type { Goal } from '../contract/goal-rules.js';
import { actionOutcomesOf, type ActionOutcomes } from './follow-through.js';

/**
 * A member's learning in one team, kept per week so the dashboard can total any period
 * without reading raw entries. Every cell is *set* from its sources (never incremented), so
 * refreshing a cell twice, or after a crash, gives the same answer.
 */
export interface MemberRollup {
  userId: string;
  /** Entry activity by ISO week in the team's time zone, e.g. "2026-W48"; empty weeks absent. */
  weeks: Record<string, WeekActivity>;
  /** How each scheduled check-in sent for this team ended, by cycle. */
  cycles: Record<string, CycleOutcome>;
  paused: boolean;
  /** The member's open goals, as the follow-up rules need them. */
  goals: GoalFlag[];
}

/** An open goal, reduced to what decides a follow-up. */
export interface GoalFlag {
  what: string;
  /** The end of the target day in the learner's zone, in epoch milliseconds: overdue from then on. */
  overdueAfter: number;
  behindTwice: boolean;
  /** When the second "behind" in a row was reported, in epoch milliseconds. */
  behindSince?: number;
}

export interface WeekActivity {
  entries: number;
  minutes: number;
  ratingSum: number;
  ratingCount: number;
  /** The newest entry's time, in epoch milliseconds (numbers: a team's rollups are read whole, often). */
  lastAt: number;
  sources: Partial<Record<SourceType, number>>;
  /** Entries that recorded a key insight, and an action: the learner level of the accountability report. */
  insights: number;
  actions: number;
  /** What became of the week's actions (follow-through.ts); absent when none was planned, or in cells written before. */
  outcomes?: ActionOutcomes;
}

export interface CycleOutcome {
  answer: 'responded' | 'nothing' | 'noAnswer';
  /** When it was answered, or when it was sent if it was not, in epoch milliseconds. */
  at: number;
}

/** What the rollup needs of a scheduled check-in's record. */
export interface CheckInState {
  kind: string;
  cycle: string;
  teamId: string;
  status: string;
  sentAt?: string;
  respondedAt?: string;
  answer?: 'entry' | 'nothing';
}

/** Cells older than this are dropped: the longest dashboard period is 52 weeks. */
export const ROLLUP_KEEP_WEEKS = 60;

export function emptyRollup(userId: string): MemberRollup {
  return { userId, weeks: {}, cycles: {}, paused: false, goals: [] };
}

export function weekKeyOf(at: Date | string, zone: string): string {
  const dt = (typeof at === 'string' ? DateTime.fromISO(at, { zone: 'utc' }) : DateTime.fromJSDate(at)).setZone(zone);
  return `${dt.weekYear}-W${String(dt.weekNumber).padStart(2, '0')}`;
}

/** The instants a week spans in a zone: [start, end). */
export function weekSpan(week: string, zone: string): { start: Date; end: Date } {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) throw new Error(`Not a week key: ${week}`);
  const monday = DateTime.fromObject({ weekYear: Number(m[1]), weekNumber: Number(m[2]), weekday: 1 }, { zone });
  return { start: monday.toJSDate(), end: monday.plus({ weeks: 1 }).toJSDate() };
}

/**
 * The `count` weeks ending with the one `now` falls in (in `zone`), oldest first, with the date
 * each starts. Once today's date in the zone is known, weeks are plain calendar arithmetic.
 */
export function periodWeeks(now: Date, count: number, zone: string): { week: string; weekStart: string }[] {
  const today = DateTime.fromJSDate(now).setZone(zone);
  const monday = Date.UTC(today.year, today.month - 1, today.day) - (today.weekday - 1) * 86_400_000;
  return Array.from({ length: count }, (_, i) => {
    const start = new Date(monday - (count - 1 - i) * 7 * 86_400_000);
    return { week: isoWeekKey(start), weekStart: start.toISOString().slice(0, 10) };
  });
}

/** The ISO week a calendar date (at UTC midnight) is in: the week belongs to the year of its Thursday. */
function isoWeekKey(date: Date): string {
  const thursday = new Date(date.getTime() + (3 - ((date.getUTCDay() + 6) % 7)) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** One week's entries, summed; undefined when there are none. */
export function weekActivityOf(
  entries: readonly (Pick<LearningEntry, 'minutes' | 'rating' | 'sourceType' | 'createdAt' | 'insight' | 'action'> &
    Partial<Pick<LearningEntry, 'result' | 'actionAnswer'>>)[],
): WeekActivity | undefined {
  if (entries.length === 0) return undefined;
  const activity: WeekActivity = { entries: 0, minutes: 0, ratingSum: 0, ratingCount: 0, lastAt: 0, sources: {}, insights: 0, actions: 0 };
  for (const e of entries) {
    activity.entries++;
    if (e.insight) activity.insights++;
    if (e.action) activity.actions++;
    activity.minutes += e.minutes ?? 0;
    if (e.rating !== null) {
      activity.ratingSum += e.rating;
      activity.ratingCount++;
    }
    activity.lastAt = Math.max(activity.lastAt, Date.parse(e.createdAt));
    activity.sources[e.sourceType] = (activity.sources[e.sourceType] ?? 0) + 1;
  }
  const outcomes = actionOutcomesOf(entries);
  return outcomes ? { ...activity, outcomes } : activity;
}

/** How a check-in ended, or undefined if it never reached the learner (blocked, failed, pending). */
export function cycleOutcomeOf(state: CheckInState | undefined): CycleOutcome | undefined {
  if (!state || state.kind !== 'checkin') return undefined;
  if (state.respondedAt) return { answer: state.answer === 'nothing' ? 'nothing' : 'responded', at: Date.parse(state.respondedAt) };
  if (state.status === 'sent' && state.sentAt) return { answer: 'noAnswer', at: Date.parse(state.sentAt) };
  return undefined;
}

/** Sets one week's cell (or clears it), dropping cells too old to be shown. */
export function withWeek(rollup: MemberRollup, week: string, activity: WeekActivity | undefined, now: Date): MemberRollup {
  const weeks = { ...rollup.weeks };
  if (activity) weeks[week] = activity;
  else delete weeks[week];
  return { ...rollup, weeks: prune(weeks, now) };
}

export function withCycle(rollup: MemberRollup, cycle: string, outcome: CycleOutcome | undefined, now: Date): MemberRollup {
  const cycles = { ...rollup.cycles };
  if (outcome) cycles[cycle] = outcome;
  else delete cycles[cycle];
  return { ...rollup, cycles: prune(cycles, now) };
}

/** Whether a week is recent enough to be kept; older changes do not touch the rollup. */
export function isKeptWeek(week: string, now: Date): boolean {
  return week >= oldestKeptWeek(now);
}

function oldestKeptWeek(now: Date): string {
  return weekKeyOf(DateTime.fromJSDate(now).minus({ weeks: ROLLUP_KEEP_WEEKS }).toJSDate(), 'UTC');
}

function prune<T>(cells: Record<string, T>, now: Date): Record<string, T> {
  const oldest = oldestKeptWeek(now);
  return Object.fromEntries(Object.entries(cells).filter(([week]) => week >= oldest));
}

/**
 * The rollup recomputed from raw records: the reference the kept rollup must always equal,
 * and the "naive scan" the benchmark compares against.
 */
export function rollupFromRaw(input: {
  userId: string;
  teamId: string;
  zone: string;
  entries: readonly LearningEntry[];
  checkIns: readonly CheckInState[];
  paused: boolean;
  now: Date;
}): MemberRollup {
  const byWeek = new Map<string, LearningEntry[]>();
  for (const e of input.entries) {
    const week = weekKeyOf(e.createdAt, input.zone);
    byWeek.set(week, [...(byWeek.get(week) ?? []), e]);
  }
  let rollup: MemberRollup = { ...emptyRollup(input.userId), paused: input.paused };
  for (const [week, entries] of byWeek) {
    if (isKeptWeek(week, input.now)) rollup = withWeek(rollup, week, weekActivityOf(entries), input.now);
  }
  for (const state of input.checkIns) {
    if (state.teamId !== input.teamId || !isKeptWeek(state.cycle, input.now)) continue;
    const outcome = cycleOutcomeOf(state);
    if (outcome) rollup = withCycle(rollup, state.cycle, outcome, input.now);
  }
  return rollup;
}

/** A learner's open goals as flags: open or overdue in their zone, with when each turns overdue. */
export function goalFlagsOf(goals: readonly Goal[], now: Date, zone: string): GoalFlag[] {
  return goals
    .filter((g) => isOpen(g, now, zone))
    .map((g) => ({
      what: g.what.slice(0, 120),
      overdueAfter: DateTime.fromISO(g.targetDate, { zone }).plus({ days: 1 }).startOf('day').toMillis(),
      behindTwice: behindTwice(g),
      ...(behindTwice(g) ? { behindSince: Date.parse(g.progress.at(-1)!.at) } : {}),
    }));
}
