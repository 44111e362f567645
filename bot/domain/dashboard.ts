import type { DashboardPeriod, DashboardResponse, DashboardTotals, MemberRowView, WeekRollupView } from './dashboard-view.js';
import { SOURCE_TYPES, type SourceType } from './learning-entry.js';
import type { CycleOutcome, MemberRollup } from './member-rollup.js';
import { weekStartDate, weeksEndingAt } from './member-rollup.js';
import type { TeamRole, TeamSettings } from './team-settings.js';

export interface RosterEntry {
  userId: string;
  displayName: string;
  role: TeamRole;
  joinedAt: string;
}

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
  const period = weeksEndingAt(input.now, input.weeks, zone);
  const inPeriod = new Set(period);
  const weekViews = weekViewsOf(period, zone, input.rollups);
  const byUser = new Map(input.rollups.map((r) => [r.userId, r]));
  const rows = input.roster.map((person) => memberRow(person, byUser.get(person.userId), inPeriod, input.now));
  const visible = input.caller.role === 'lead' ? rows : rows.filter((r) => r.userId === input.caller.userId);
  return {
    team: { teamId: input.settings.teamId, name: input.settings.name },
    role: input.caller.role,
    period: { weeks: input.weeks, firstWeek: period[0] ?? '', lastWeek: period[period.length - 1] ?? '' },
    weeks: weekViews,
    totals: totalsOf(weekViews, rows, input.rollups, inPeriod),
    sources: sourcesOf(weekViews),
    members: visible.sort((a, b) => a.displayName.localeCompare(b.displayName)),
    settings: { schedule: input.settings.schedule, sharesChannelId: input.settings.sharesChannelId, updatedAt: input.settings.updatedAt },
    generatedAt: input.now.toISOString(),
  };
}

/** One pass over every member's cells, adding each to its week if the week is in the period. */
function weekViewsOf(period: string[], zone: string, rollups: readonly MemberRollup[]): WeekRollupView[] {
  const views = new Map<string, WeekRollupView>(
    period.map((week) => [week, { week, weekStart: weekStartDate(week, zone), responded: 0, nothing: 0, noAnswer: 0, entries: 0, minutes: 0, sources: {} }]),
  );
  for (const r of rollups) {
    for (const week in r.weeks) {
      const view = views.get(week);
      if (!view) continue;
      const activity = r.weeks[week]!;
      view.entries += activity.entries;
      view.minutes += activity.minutes;
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
  return [...views.values()];
}

function totalsOf(weeks: WeekRollupView[], rows: MemberRowView[], rollups: readonly MemberRollup[], inPeriod: Set<string>): DashboardTotals {
  const sum = (pick: (w: WeekRollupView) => number) => weeks.reduce((n, w) => n + pick(w), 0);
  let ratingSum = 0;
  let ratingCount = 0;
  for (const r of rollups) {
    for (const [week, a] of Object.entries(r.weeks)) {
      if (!inPeriod.has(week)) continue;
      ratingSum += a.ratingSum;
      ratingCount += a.ratingCount;
    }
  }
  const responded = sum((w) => w.responded);
  const nothing = sum((w) => w.nothing);
  const noAnswer = sum((w) => w.noAnswer);
  const byUser = new Map(rollups.map((r) => [r.userId, r]));
  const activeMembers = rows.filter((row) => isActive(byUser.get(row.userId), inPeriod)).length;
  return {
    members: rows.length,
    activeMembers,
    entries: sum((w) => w.entries),
    minutes: sum((w) => w.minutes),
    averageRating: ratingCount ? round1(ratingSum / ratingCount) : null,
    responded,
    nothing,
    noAnswer,
    responseRate: responded + nothing + noAnswer ? (responded + nothing) / (responded + nothing + noAnswer) : null,
  };
}

function isActive(rollup: MemberRollup | undefined, inPeriod: Set<string>): boolean {
  if (!rollup) return false;
  return (
    Object.keys(rollup.weeks).some((w) => inPeriod.has(w)) ||
    Object.entries(rollup.cycles).some(([w, o]) => inPeriod.has(w) && o.answer !== 'noAnswer')
  );
}

function sourcesOf(weeks: WeekRollupView[]): DashboardResponse['sources'] {
  return SOURCE_TYPES.map((sourceType) => ({ sourceType, entries: weeks.reduce((n, w) => n + (w.sources[sourceType] ?? 0), 0) }))
    .filter((s) => s.entries > 0)
    .sort((a, b) => b.entries - a.entries);
}

export function memberRow(person: RosterEntry, rollup: MemberRollup | undefined, inPeriod: Set<string>, now: Date): MemberRowView {
  let entries = 0;
  let minutes = 0;
  let ratingSum = 0;
  let ratingCount = 0;
  let last = '';
  for (const [week, a] of Object.entries(rollup?.weeks ?? {})) {
    if (a.lastAt > last) last = a.lastAt;
    if (!inPeriod.has(week)) continue;
    entries += a.entries;
    minutes += a.minutes;
    ratingSum += a.ratingSum;
    ratingCount += a.ratingCount;
  }
  for (const o of Object.values(rollup?.cycles ?? {})) if (o.answer !== 'noAnswer' && o.at > last) last = o.at;
  const paused = rollup?.paused ?? false;
  const followUp = paused ? null : followUpReason(rollup?.cycles ?? {}, last || null, person.joinedAt, now);
  return {
    userId: person.userId,
    displayName: person.displayName,
    role: person.role,
    lastCheckInAt: last || null,
    streak: streakOf(rollup?.cycles ?? {}, now),
    entries,
    minutes,
    averageRating: ratingCount ? round1(ratingSum / ratingCount) : null,
    paused,
    needsFollowUp: followUp !== null,
    followUpReason: followUp,
  };
}

/** Closed cycles, newest first: a check-in still open for answers is left out. */
function closedCycles(cycles: Record<string, CycleOutcome>, now: Date): CycleOutcome[] {
  return Object.keys(cycles)
    .sort()
    .reverse()
    .map((k) => cycles[k]!)
    .filter((o, i) => !(i === 0 && o.answer === 'noAnswer' && now.getTime() - Date.parse(o.at) < OPEN_MS));
}

/** Consecutive check-ins answered (with learning or "nothing this week"), newest first. */
export function streakOf(cycles: Record<string, CycleOutcome>, now: Date): number {
  let streak = 0;
  for (const o of closedCycles(cycles, now)) {
    if (o.answer === 'noAnswer') break;
    streak++;
  }
  return streak;
}

/** No answer two cycles running, or a long silence, in words; null when all is well. */
export function followUpReason(cycles: Record<string, CycleOutcome>, lastCheckInAt: string | null, joinedAt: string, now: Date): string | null {
  const [latest, before] = closedCycles(cycles, now);
  if (latest?.answer === 'noAnswer' && before?.answer === 'noAnswer') return 'No answer to the last 2 check-ins';
  const since = Date.parse(lastCheckInAt ?? joinedAt);
  if (now.getTime() - since >= SILENCE_MS) {
    const weeks = Math.floor((now.getTime() - since) / (7 * 86_400_000));
    return lastCheckInAt ? `No check-in for ${weeks} weeks` : `No check-in in ${weeks} weeks since joining`;
  }
  return null;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}
