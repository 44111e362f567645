import { roundupSettingOf } from '../contract/weekly-roundup.js';
import type {
  DashboardPeriod,
  DashboardResponse,
  DashboardTotals,
  FollowUpWhy,
  MemberRowView,
  WeekRollupView,
} from '../contract/dashboard-view.js';
import { englishMessages } from '../i18n/bot-messages.js';
import { followUpText } from '../i18n/follow-up-text.js';
import { SOURCE_TYPES, type SourceType } from '../contract/learning-entry.js';
import type { CycleOutcome, GoalFlag, MemberRollup } from './member-rollup.js';
import { newestFirst, streakOfNewestFirst, type CycleOutcome as StreakOutcome } from './streak.js';
import { periodWeeks } from './member-rollup.js';
import { addWeek, emptyTally, figuresOf, type FollowThroughTally } from './follow-through.js';
import type { TeamRole, TeamSettings } from '../contract/team-settings.js';

export interface RosterEntry {
  userId: string;
  displayName: string;
  role: TeamRole;
  joinedAt: string;
}

const byName = new Intl.Collator('en', { sensitivity: 'base' });

/** A check-in sent less than this long ago may still be answered: it neither breaks a streak nor counts as missed. */
const OPEN_MS = 7 * 86_400_000;
/** Silence this long, for someone who has been on the team at least as long, asks for a follow-up. */
const SILENCE_MS = 28 * 86_400_000;

/**
 * The dashboard, built only from the team's rollups, roster and settings. Team-wide figures
 * include everyone with a rollup (people who since left still learned in those weeks);
 * the member table lists the current roster, or only the caller when they are not a lead.
 */
export function buildDashboard(input: {
  settings: TeamSettings;
  roster: readonly RosterEntry[];
  rollups: readonly MemberRollup[];
  caller: { userId: string; role: TeamRole };
  weeks: DashboardPeriod;
  now: Date;
}): DashboardResponse {
  const zone = input.settings.schedule?.timeZone ?? 'UTC';
  const weeks = periodWeeks(input.now, input.weeks, zone);
  const period = weeks.map((w) => w.week);
  const inPeriod = new Set(period);
  const { views: weekViews, ratingSum, ratingCount, actions } = weekViewsOf(weeks, input.rollups, input.now);
  const byUser = new Map(input.rollups.map((r) => [r.userId, r]));
  const rows = input.roster.map((person) => memberRow(person, byUser.get(person.userId), inPeriod, input.now));
  const visible =
    input.caller.role === 'lead' ? rows.map((r) => r.view) : rows.filter((r) => r.view.userId === input.caller.userId).map((r) => r.view);
  return {
    team: { teamId: input.settings.teamId, name: input.settings.name },
    role: input.caller.role,
    callerId: input.caller.userId,
    period: { weeks: input.weeks, firstWeek: period[0] ?? '', lastWeek: period[period.length - 1] ?? '' },
    weeks: weekViews,
    totals: totalsOf(weekViews, rows, ratingSum, ratingCount, actions),
    sources: sourcesOf(weekViews),
    members: visible.sort((a, b) => byName.compare(a.displayName, b.displayName)),
    settings: {
      schedule: input.settings.schedule,
      sharesChannelId: input.settings.sharesChannelId,
      updatedAt: input.settings.updatedAt,
      roundup: roundupSettingOf(input.settings),
    },
    generatedAt: input.now.toISOString(),
  };
}

/** One pass over every member's cells, adding each to its week if the week is in the period. */
function weekViewsOf(
  period: { week: string; weekStart: string }[],
  rollups: readonly MemberRollup[],
  now: Date,
): { views: WeekRollupView[]; ratingSum: number; ratingCount: number; actions: FollowThroughTally } {
  const actions = emptyTally();
  let ratingSum = 0;
  let ratingCount = 0;
  const views = new Map<string, WeekRollupView>(
    period.map(({ week, weekStart }) => [
      week,
      { week, weekStart, responded: 0, nothing: 0, noAnswer: 0, entries: 0, minutes: 0, sources: {} },
    ]),
  );
  for (const r of rollups) {
    for (const week in r.weeks) {
      const view = views.get(week);
      if (!view) continue;
      const activity = r.weeks[week]!;
      view.entries += activity.entries;
      view.minutes += activity.minutes;
      ratingSum += activity.ratingSum;
      ratingCount += activity.ratingCount;
      addWeek(actions, activity, now);
      for (const type in activity.sources) {
        const t = type as SourceType;
        view.sources[t] = (view.sources[t] ?? 0) + (activity.sources[t] ?? 0);
      }
    }
    for (const week in r.cycles) {
      const view = views.get(week);
      if (view) view[r.cycles[week]!.answer]++;
    }
  }
  return { views: [...views.values()], ratingSum, ratingCount, actions };
}

function totalsOf(
  weeks: WeekRollupView[],
  rows: MemberRow[],
  ratingSum: number,
  ratingCount: number,
  actions: FollowThroughTally,
): DashboardTotals {
  const sum = (pick: (w: WeekRollupView) => number) => weeks.reduce((n, w) => n + pick(w), 0);
  const responded = sum((w) => w.responded);
  const nothing = sum((w) => w.nothing);
  const noAnswer = sum((w) => w.noAnswer);
  return {
    members: rows.length,
    activeMembers: rows.filter((r) => r.active).length,
    entries: sum((w) => w.entries),
    minutes: sum((w) => w.minutes),
    averageRating: ratingCount ? round1(ratingSum / ratingCount) : null,
    responded,
    nothing,
    noAnswer,
    responseRate: responded + nothing + noAnswer ? (responded + nothing) / (responded + nothing + noAnswer) : null,
    followThrough: figuresOf(actions),
  };
}

function sourcesOf(weeks: WeekRollupView[]): DashboardResponse['sources'] {
  return SOURCE_TYPES.map((sourceType) => ({ sourceType, entries: weeks.reduce((n, w) => n + (w.sources[sourceType] ?? 0), 0) }))
    .filter((s) => s.entries > 0)
    .sort((a, b) => b.entries - a.entries);
}

interface MemberRow {
  view: MemberRowView;
  /** Learned or answered a check-in in the period. */
  active: boolean;
}

function memberRow(person: RosterEntry, rollup: MemberRollup | undefined, inPeriod: Set<string>, now: Date): MemberRow {
  let entries = 0;
  let minutes = 0;
  let ratingSum = 0;
  let ratingCount = 0;
  let last = 0;
  let active = false;
  const actions = emptyTally();
  const weeks = rollup?.weeks ?? {};
  for (const week in weeks) {
    const a = weeks[week]!;
    if (a.lastAt > last) last = a.lastAt;
    if (!inPeriod.has(week)) continue;
    active = true;
    entries += a.entries;
    minutes += a.minutes;
    ratingSum += a.ratingSum;
    ratingCount += a.ratingCount;
    addWeek(actions, a, now);
  }
  const cycles = rollup?.cycles ?? {};
  const outcomes: StreakOutcome[] = [];
  for (const cycle in cycles) {
    const o = cycles[cycle]!;
    const answered = o.answer !== 'noAnswer';
    if (answered && o.at > last) last = o.at;
    if (answered && inPeriod.has(cycle)) active = true;
    // For an unanswered check-in `at` is when it was sent: what decides whether it is still open.
    outcomes.push({ cycle, dueAt: o.at, responded: answered });
  }
  const sorted = newestFirst(outcomes);
  const paused = rollup?.paused ?? false;
  const lastCheckInAt = last ? new Date(last).toISOString() : null;
  const flag = paused ? null : followUpFrom(sorted, lastCheckInAt, person.joinedAt, now, rollup?.goals ?? []);
  const followUp = flag?.reason ?? null;
  const view: MemberRowView = {
    userId: person.userId,
    displayName: person.displayName,
    role: person.role,
    lastCheckInAt,
    streak: streakOfNewestFirst(sorted, now, OPEN_MS),
    entries,
    minutes,
    averageRating: ratingCount ? round1(ratingSum / ratingCount) : null,
    followThrough: figuresOf(actions),
    paused,
    needsFollowUp: followUp !== null,
    followUpReason: followUp,
    followUpWhy: flag?.why ?? null,
  };
  return { view, active };
}

/** Why a lead should follow up, and since when (epoch ms): the moment the rule first held. */
export interface FollowUp {
  /** In English, as the API and the stored nudges say it. */
  reason: string;
  why: FollowUpWhy;
  since: number;
}

const flagged = (why: FollowUpWhy, since: number): FollowUp => ({ reason: followUpText(why, englishMessages), why, since });

/**
 * Why a lead should follow up, in words, or null when all is well. In order: no answer two
 * cycles running, a goal past its date, a goal reported behind twice running, a long silence.
 */
export function followUpReason(
  cycles: Record<string, CycleOutcome>,
  lastCheckInAt: string | null,
  joinedAt: string,
  now: Date,
  goals: readonly GoalFlag[] = [],
): string | null {
  return followUpOf(cycles, lastCheckInAt, joinedAt, now, goals)?.reason ?? null;
}

/**
 * One member's follow-up from their rollup alone, as the dashboard reckons it (a test holds the
 * two together): what a nudge records it answers.
 */
export function memberFollowUp(rollup: MemberRollup | undefined, joinedAt: string, now: Date): FollowUp | null {
  if (rollup?.paused) return null;
  let last = 0;
  for (const w of Object.values(rollup?.weeks ?? {})) last = Math.max(last, w.lastAt);
  for (const o of Object.values(rollup?.cycles ?? {})) if (o.answer !== 'noAnswer') last = Math.max(last, o.at);
  return followUpOf(rollup?.cycles ?? {}, last ? new Date(last).toISOString() : null, joinedAt, now, rollup?.goals ?? []);
}

/** The follow-up rules over a member's check-ins and goals: the reason and since when, or null. */
export function followUpOf(
  cycles: Record<string, CycleOutcome>,
  lastCheckInAt: string | null,
  joinedAt: string,
  now: Date,
  goals: readonly GoalFlag[] = [],
): FollowUp | null {
  const outcomes = Object.entries(cycles).map(([cycle, o]) => ({ cycle, dueAt: o.at, responded: o.answer !== 'noAnswer' }));
  return followUpFrom(newestFirst(outcomes), lastCheckInAt, joinedAt, now, goals);
}

function followUpFrom(
  newest: StreakOutcome[],
  lastCheckInAt: string | null,
  joinedAt: string,
  now: Date,
  goals: readonly GoalFlag[],
): FollowUp | null {
  // The newest check-in, unanswered but sent less than a cycle ago, may still be answered.
  const open = newest[0] && !newest[0].responded && now.getTime() - newest[0].dueAt < OPEN_MS;
  const [latest, before] = newest.slice(open ? 1 : 0);
  // Flagged from the moment the second unanswered check-in could no longer be answered.
  if (latest && !latest.responded && before && !before.responded) return flagged({ kind: 'no-answer', count: 2 }, latest.dueAt + OPEN_MS);
  const overdue = goals.find((g) => now.getTime() >= g.overdueAfter);
  if (overdue) return flagged({ kind: 'goal-overdue', goal: overdue.what }, overdue.overdueAfter);
  const behind = goals.find((g) => g.behindTwice);
  if (behind) return flagged({ kind: 'goal-behind', goal: behind.what }, behind.behindSince ?? now.getTime());
  const quietSince = Date.parse(lastCheckInAt ?? joinedAt);
  if (now.getTime() - quietSince >= SILENCE_MS) {
    const weeks = Math.floor((now.getTime() - quietSince) / (7 * 86_400_000));
    return flagged({ kind: lastCheckInAt ? 'quiet' : 'quiet-since-joining', weeks }, quietSince + SILENCE_MS);
  }
  return null;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
