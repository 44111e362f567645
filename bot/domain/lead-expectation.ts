import { DateTime } from 'luxon';
import type { FollowUp } from '../contract/follow-up-rules.js';

const DAY_MS = 86_400_000;

/**
 * What L&D asks of leaders, held against each lead: a follow-up is **overdue** once it has been
 * open longer than the L&D setting's days (counted from the learner's answer that opened it), and
 * a lead is **behind** while at least one follow-up of a team they lead is overdue. A follow-up is
 * every lead's of its team, as its reminder is, except the lead it is about.
 */

/** Whether a follow-up still open at `now` has waited longer than `days`. */
export function isOverdue(followUp: Pick<FollowUp, 'openedAt' | 'closed'>, now: Date, days: number): boolean {
  return followUp.closed === null && now.getTime() - Date.parse(followUp.openedAt) > days * DAY_MS;
}

/** A lead's overdue follow-ups among a team's open ones, oldest first. */
export function overdueFor<F extends Pick<FollowUp, 'openedAt' | 'closed' | 'learnerId'>>(
  leadId: string,
  open: readonly F[],
  now: Date,
  days: number,
): F[] {
  return open
    .filter((f) => f.learnerId !== leadId && isOverdue(f, now, days))
    .sort((a, b) => Date.parse(a.openedAt) - Date.parse(b.openedAt));
}

/** A lead behind the expectation hears of it on this weekday (Wednesday: apart from Monday's digest)… */
export const BEHIND_WEEKDAY = 3;
/** …at this hour in their time zone. */
export const BEHIND_HOUR = 9;

/** A lead's weekly reminder slot: the ISO week it belongs to (in their zone) and when it falls due. */
export interface BehindSlot {
  week: string;
  dueAt: Date;
}

/** The first weekly slot after `after`: the next Wednesday 09:00 in the lead's zone (UTC when unknown or invalid). */
export function nextBehindSlot(zone: string | undefined, after: Date): BehindSlot {
  let local = DateTime.fromJSDate(after, { zone: zone ?? 'utc' });
  if (!local.isValid) local = DateTime.fromJSDate(after, { zone: 'utc' });
  let at = local.set({ weekday: BEHIND_WEEKDAY, hour: BEHIND_HOUR, minute: 0, second: 0, millisecond: 0 });
  if (at <= local) at = at.plus({ weeks: 1 }).set({ hour: BEHIND_HOUR });
  return { week: `${at.weekYear}-W${String(at.weekNumber).padStart(2, '0')}`, dueAt: at.toJSDate() };
}
