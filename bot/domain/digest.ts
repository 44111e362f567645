import { DateTime } from 'luxon';
import type { DashboardResponse, FollowUpWhy } from '../contract/dashboard-view.js';
import type { ShareView } from '../contract/share-view.js';
import type { FollowThroughFigures } from '../contract/follow-through.js';
import type { FollowUpFigures } from '../contract/report.js';

/** Each lead's digest arrives on Monday at 09:00 in the team's zone. */
export const DIGEST_WEEKDAY = 1;
export const DIGEST_HOUR = 9;
const HIGHLIGHTS = 3;
const FOLLOW_UPS = 5;

export interface Digest {
  teamId: string;
  teamName: string;
  /** The week it covers: the one that just ended. */
  week: string;
  /** The week's figures: check-ins answered (with learning or "nothing this week") of those sent, and the learning logged. */
  participation: { members: number; answered: number; checkIns: number; entries: number; minutes: number };
  highlights: { what: string; sharerName: string; helpful: number }[];
  /** `reason` in English; `why`, when known, to say it in the lead's language. */
  followUps: { userId: string; displayName: string; reason: string; why?: FollowUpWhy }[];
  /** Members needing a follow-up beyond those listed. */
  moreFollowUps: number;
  /** What came of the actions planned in the dashboard's last `weeks` weeks (contract/follow-through.ts). */
  followThrough: { figures: FollowThroughFigures; weeks: number };
  /**
   * The lead's own follow-ups over the same weeks: done means the loop closed (domain/leader-metrics.ts),
   * `nudged` keeps the count of those merely nudged; null when the dashboard had none for them.
   */
  leadFollowUps: { figures: FollowUpFigures; weeks: number } | null;
}

/**
 * How late a missed digest is still sent: a service down over Monday morning catches up when it
 * is back that week; a digest more than two days late describes a week nobody is thinking about.
 */
export const DIGEST_CATCH_UP_MS = 48 * 3_600_000;

/** A digest window: the week it covers and when, in the team's zone, it opened. */
export interface DigestWindow {
  week: string;
  opensAt: Date;
}

/**
 * The first digest window in the team's zone that opens after `after` (the next Monday 09:00 there),
 * covering the week before it: what the scheduler's due index files for the team next.
 */
export function nextDigestWindow(zone: string, after: Date): DigestWindow {
  const valid = DateTime.fromJSDate(after, { zone }).isValid ? zone : 'UTC';
  const local = DateTime.fromJSDate(after, { zone: valid });
  let opens = local.set({ weekday: DIGEST_WEEKDAY, hour: DIGEST_HOUR, minute: 0, second: 0, millisecond: 0 });
  if (opens <= local) opens = opens.plus({ weeks: 1 });
  const covered = opens.minus({ weeks: 1 });
  return { week: `${covered.weekYear}-W${String(covered.weekNumber).padStart(2, '0')}`, opensAt: opens.toJSDate() };
}

/**
 * The digest due now in a team's zone: the latest Monday 09:00 at or before `now`, covering the
 * week before it, while it is no more than DIGEST_CATCH_UP_MS old; otherwise null.
 */
export function digestWindowDue(now: Date, zone: string): DigestWindow | null {
  const local = DateTime.fromJSDate(now, { zone });
  if (!local.isValid) return null;
  let opens = local.set({ weekday: DIGEST_WEEKDAY, hour: DIGEST_HOUR, minute: 0, second: 0, millisecond: 0 });
  if (opens > local) opens = opens.minus({ weeks: 1 });
  if (local.toMillis() - opens.toMillis() > DIGEST_CATCH_UP_MS) return null;
  const covered = opens.minus({ weeks: 1 });
  return { week: `${covered.weekYear}-W${String(covered.weekNumber).padStart(2, '0')}`, opensAt: opens.toJSDate() };
}

/**
 * A lead's weekly digest from their dashboard (a lead's, so every member's row) and the
 * team's shares: how the team took part, the most helpful shares of the week, and who needs a
 * follow-up, by name.
 */
export function digestOf(dashboard: DashboardResponse, shares: readonly ShareView[], week: string, since: Date): Digest {
  const row = dashboard.weeks.find((w) => w.week === week);
  const followUps = dashboard.members
    .filter((m) => m.needsFollowUp && m.followUpReason)
    .map((m) => ({
      userId: m.userId,
      displayName: m.displayName,
      reason: m.followUpReason!,
      ...(m.followUpWhy ? { why: m.followUpWhy } : {}),
    }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
  const highlights = shares
    .filter((s) => Date.parse(s.createdAt) >= since.getTime() && s.helpful > 0)
    .sort((a, b) => b.helpful - a.helpful || b.createdAt.localeCompare(a.createdAt))
    .slice(0, HIGHLIGHTS)
    .map((s) => ({ what: s.what, sharerName: s.sharerName, helpful: s.helpful }));
  return {
    teamId: dashboard.team.teamId,
    teamName: dashboard.team.name,
    week,
    participation: {
      members: dashboard.totals.members,
      answered: (row?.responded ?? 0) + (row?.nothing ?? 0),
      checkIns: (row?.responded ?? 0) + (row?.nothing ?? 0) + (row?.noAnswer ?? 0),
      entries: row?.entries ?? 0,
      minutes: row?.minutes ?? 0,
    },
    highlights,
    followUps: followUps.slice(0, FOLLOW_UPS),
    moreFollowUps: Math.max(0, followUps.length - FOLLOW_UPS),
    followThrough: { figures: dashboard.totals.followThrough, weeks: dashboard.period.weeks },
    leadFollowUps: dashboard.followUps ? { figures: dashboard.followUps.yours, weeks: dashboard.period.weeks } : null,
  };
}
