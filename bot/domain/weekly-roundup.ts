import { DateTime, type WeekdayNumbers } from 'luxon';
import type { RoundupSetting } from '../contract/weekly-roundup.js';
import { weekSpan, type MemberRollup } from './member-rollup.js';
import type { Share } from './share.js';

/** The round-up posts at this hour of its day in the team's zone: the afternoon, when most of the week's learning is in. */
export const ROUNDUP_HOUR = 15;
/** How many of the week's shares it lists. */
export const ROUNDUP_SHARES = 3;
/** A round-up later than this (the service was down, the channel unreachable) is not posted: its week is past. */
export const ROUNDUP_LATE_MS = 48 * 3_600_000;

/** When a round-up is posted, and the week it tells of (its cycle: one round-up per team and week). */
export interface RoundupSlot {
  week: string;
  dueAt: Date;
}

/** One of the week's shares as the round-up lists it. */
export interface RoundupShare {
  shareId: string;
  what: string;
  sharerName: string;
  helpful: number;
}

/** What a team learned in a week, for its learning channel. */
export interface WeeklyRoundup {
  teamName: string;
  week: string;
  /** The week's Monday (YYYY-MM-DD), to say which week it is. */
  weekStart: string;
  /** Members who logged learning in the week, and the minutes they logged (from the dashboard's rollups). */
  people: number;
  minutes: number;
  /** The week's most helpful shares, most helpful first. */
  shares: RoundupShare[];
}

/**
 * The first round-up after `after`: the chosen weekday at ROUNDUP_HOUR in the team's zone. It
 * tells of the week so far; on a Monday, of the week that just ended.
 */
export function nextRoundup(setting: Pick<RoundupSetting, 'weekday'>, zone: string, after: Date): RoundupSlot {
  let local = DateTime.fromJSDate(after, { zone });
  if (!local.isValid) local = DateTime.fromJSDate(after, { zone: 'utc' });
  let at = local.set({ weekday: setting.weekday as WeekdayNumbers, hour: ROUNDUP_HOUR, minute: 0, second: 0, millisecond: 0 });
  if (at <= local) at = at.plus({ weeks: 1 }).set({ hour: ROUNDUP_HOUR });
  const covered = at.weekday === 1 ? at.minus({ weeks: 1 }) : at;
  return { week: `${covered.weekYear}-W${String(covered.weekNumber).padStart(2, '0')}`, dueAt: at.toJSDate() };
}

/** Adds one member's week to the people and minutes counted so far: a member counts once they logged anything. */
export function countLearner(counted: { people: number; minutes: number }, rollup: MemberRollup, week: string) {
  const activity = rollup.weeks[week];
  if (!activity || activity.entries === 0) return counted;
  return { people: counted.people + 1, minutes: counted.minutes + activity.minutes };
}

/**
 * The week's round-up from the team's shares made in it (withdrawn ones left out) and its
 * learners' figures; undefined when nobody shared anything that week, so nothing is posted.
 */
export function roundupOf(input: {
  teamName: string;
  week: string;
  zone: string;
  shares: readonly Pick<Share, 'shareId' | 'what' | 'sharerName' | 'createdAt' | 'withdrawnAt' | 'tally'>[];
  learners: { people: number; minutes: number };
}): WeeklyRoundup | undefined {
  const { start, end } = weekSpan(input.week, input.zone);
  const inWeek = input.shares.filter(
    (s) => !s.withdrawnAt && Date.parse(s.createdAt) >= start.getTime() && Date.parse(s.createdAt) < end.getTime(),
  );
  if (inWeek.length === 0) return undefined;
  const top = [...inWeek]
    // Most helpful first; of equally helpful ones, the earliest (it had longest to be marked), then by id for a stable order.
    .sort((a, b) => b.tally.helpful - a.tally.helpful || a.createdAt.localeCompare(b.createdAt) || a.shareId.localeCompare(b.shareId))
    .slice(0, ROUNDUP_SHARES);
  return {
    teamName: input.teamName,
    week: input.week,
    weekStart: DateTime.fromJSDate(start, { zone: input.zone }).toISODate() ?? '',
    people: input.learners.people,
    minutes: input.learners.minutes,
    shares: top.map((s) => ({ shareId: s.shareId, what: s.what, sharerName: s.sharerName, helpful: s.tally.helpful })),
  };
}
