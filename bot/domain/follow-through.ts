import {
  ACTION_DUE_AFTER_DAYS,
  followThroughRate,
  medianDaysOf,
  type DaysToResult,
  type FollowThroughFigures,
} from '../contract/follow-through.js';
import type { ActionFigures } from '../contract/report.js';
import type { ActionAnswer, LearningEntry } from '../contract/learning-entry.js';

/** What decides follow-through; the rules are written out in contract/follow-through.ts. */

const DAY_MS = 86_400_000;
export const DUE_AFTER_MS = ACTION_DUE_AFTER_DAYS * DAY_MS;
/** A check-in asks about this many actions still awaiting a result, oldest first. */
export const ASK_AT_MOST = 3;
/** How far back a check-in looks for them: one read of the learner's recent log, whatever its length. */
export const ASK_WITHIN_MS = 12 * 7 * DAY_MS;

export type ActionState = 'none' | 'awaiting' | 'result' | 'dropped';

/** What an entry's action needs; an entry read without its result (older callers) reads as awaiting one. */
type ActionFields = Pick<LearningEntry, 'action' | 'createdAt'> & Partial<Pick<LearningEntry, 'result' | 'actionAnswer'>>;

/** Where an entry's action stands. An entry saved before answers were recorded reads as a result when it has one. */
export function actionStateOf(e: ActionFields): ActionState {
  if (!e.action) return 'none';
  const answer = e.actionAnswer?.answer;
  if (answer === 'result' || (e.result && answer !== 'dropped')) return 'result';
  if (answer === 'dropped') return 'dropped';
  return 'awaiting';
}

/** Whole days from planning the action to its result; undefined when the result's date is not known. */
export function daysToResult(e: ActionFields): number | undefined {
  if (actionStateOf(e) !== 'result' || e.actionAnswer?.answer !== 'result') return undefined;
  const days = Math.floor((Date.parse(e.actionAnswer.at) - Date.parse(e.createdAt)) / DAY_MS);
  return Number.isFinite(days) ? Math.max(0, days) : undefined;
}

/** The entry with the learner's answer about its action: the words are kept for a result only. */
export function withActionAnswer(entry: LearningEntry, answer: ActionAnswer, text: string | null, now: Date): LearningEntry {
  return {
    ...entry,
    actionAnswer: { answer, at: now.toISOString() },
    ...(answer === 'result' ? { result: text } : {}),
  };
}

/**
 * An edit in the tab that writes a result (or clears one) answers the action too, dated now: the
 * figures count a result however it was told.
 */
export function withEditedResult(before: LearningEntry, after: LearningEntry, now: Date): LearningEntry {
  if (after.result && !before.result) return withActionAnswer(after, 'result', after.result, now);
  if (!after.result && before.result && after.actionAnswer?.answer === 'result') {
    const { actionAnswer: _cleared, ...rest } = after;
    return rest;
  }
  return after;
}

/** The actions a check-in asks about: still awaiting a result, oldest first, at most ASK_AT_MOST. */
export function actionsToAsk<E extends ActionFields>(entries: readonly E[]): E[] {
  return entries
    .filter((e) => actionStateOf(e) === 'awaiting')
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt))
    .slice(0, ASK_AT_MOST);
}

/** One week's actions as a rollup cell keeps them: enough to count and to find the median, never the words. */
export interface ActionOutcomes {
  results: number;
  dropped: number;
  /** Whole days to each result of known date, ascending. */
  resultDays: number[];
  /** When each action still awaiting was planned (epoch ms), to tell which are due. */
  awaitingAt: number[];
}

/** The week's entries' actions; undefined when none planned one. */
export function actionOutcomesOf(entries: readonly ActionFields[]): ActionOutcomes | undefined {
  const outcomes: ActionOutcomes = { results: 0, dropped: 0, resultDays: [], awaitingAt: [] };
  let any = false;
  for (const e of entries) {
    const state = actionStateOf(e);
    if (state === 'none') continue;
    any = true;
    if (state === 'result') {
      outcomes.results++;
      const days = daysToResult(e);
      if (days !== undefined) outcomes.resultDays.push(days);
    } else if (state === 'dropped') outcomes.dropped++;
    else outcomes.awaitingAt.push(Date.parse(e.createdAt));
  }
  outcomes.resultDays.sort((a, b) => a - b);
  outcomes.awaitingAt.sort((a, b) => a - b);
  return any ? outcomes : undefined;
}

/** Counts that add up across weeks, members and teams; the median is taken at the end from every result's days. */
export interface FollowThroughTally {
  actions: number;
  results: number;
  dropped: number;
  awaiting: number;
  due: number;
  /**
   * How many results took each number of whole days: a histogram, bounded by the longest period
   * counted (days to a result never exceed it), so a median over any number of results is taken
   * without a list of them.
   */
  days: Map<number, number>;
}

export function emptyTally(): FollowThroughTally {
  return { actions: 0, results: 0, dropped: 0, awaiting: 0, due: 0, days: new Map() };
}

/**
 * Adds one rollup week to a tally. A week written before outcomes were kept has its actions read
 * as awaiting since the week's last entry, until that week is counted again.
 */
export function addWeek(
  tally: FollowThroughTally,
  week: { actions: number; lastAt: number; outcomes?: ActionOutcomes },
  now: Date,
): FollowThroughTally {
  const o = week.outcomes;
  const dueBefore = now.getTime() - DUE_AFTER_MS;
  const results = o?.results ?? 0;
  const dropped = o?.dropped ?? 0;
  const awaitingAt = o?.awaitingAt ?? [];
  const undated = Math.max(0, week.actions - results - dropped - awaitingAt.length);
  tally.actions += week.actions;
  tally.results += results;
  tally.dropped += dropped;
  tally.awaiting += awaitingAt.length + undated;
  tally.due += results + dropped + awaitingAt.filter((at) => at <= dueBefore).length + (week.lastAt <= dueBefore ? undated : 0);
  for (const d of o?.resultDays ?? []) tally.days.set(d, (tally.days.get(d) ?? 0) + 1);
  return tally;
}

/** A tally's days to a result as the report keeps them, ascending. */
export function daysToResultOf(t: FollowThroughTally): DaysToResult {
  return [...t.days.entries()].sort((a, b) => a[0] - b[0]);
}

/** Adds one tally into another (teams into an organisation). */
export function addTally(into: FollowThroughTally, other: FollowThroughTally): FollowThroughTally {
  into.actions += other.actions;
  into.results += other.results;
  into.dropped += other.dropped;
  into.awaiting += other.awaiting;
  into.due += other.due;
  for (const [d, n] of other.days) into.days.set(d, (into.days.get(d) ?? 0) + n);
  return into;
}

export function figuresOf(t: FollowThroughTally): FollowThroughFigures {
  return {
    actions: t.actions,
    results: t.results,
    dropped: t.dropped,
    awaiting: t.awaiting,
    due: t.due,
    followThrough: followThroughRate(t.results, t.due),
    medianDaysToResult: medianDaysOf(t.days),
  };
}

/** A tally as the L&D report's rows hold it, with the days behind the median so rows can be added up. */
export function actionFiguresOf(t: FollowThroughTally): ActionFigures {
  const figures = figuresOf(t);
  return {
    results: figures.results,
    actionsDue: figures.due,
    followThrough: figures.followThrough,
    medianDaysToResult: figures.medianDaysToResult,
    daysToResult: daysToResultOf(t),
  };
}

/** The figures straight from raw entries: what every kept figure must equal, and the learner's own view. */
export function followThroughOfEntries(entries: readonly ActionFields[], now: Date): FollowThroughFigures {
  const dueBefore = now.getTime() - DUE_AFTER_MS;
  const tally = emptyTally();
  for (const e of entries) {
    const state = actionStateOf(e);
    if (state === 'none') continue;
    tally.actions++;
    if (state === 'result') tally.results++;
    if (state === 'dropped') tally.dropped++;
    if (state === 'awaiting') tally.awaiting++;
    if (state !== 'awaiting' || Date.parse(e.createdAt) <= dueBefore) tally.due++;
    const days = daysToResult(e);
    if (days !== undefined) tally.days.set(days, (tally.days.get(days) ?? 0) + 1);
  }
  return figuresOf(tally);
}
