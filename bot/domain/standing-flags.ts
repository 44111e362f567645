import { memberFollowUp } from './dashboard.js';
import type { StandingFlag } from './leader-metrics.js';
import type { MemberRollup } from './member-rollup.js';

/**
 * The follow-ups the rules ask for now, one per flagged person on the roster, and since when —
 * reckoned as the dashboard flags them, so the leaders' figures count what leads were shown.
 * Everyone on the roster counts, with or without a rollup: someone who never checked in is
 * flagged too. Rollups of people who left flag nobody.
 */
export function standingFlags(
  roster: readonly { userId: string; joinedAt: string }[],
  rollups: readonly MemberRollup[],
  now: Date,
): StandingFlag[] {
  const byUser = new Map(rollups.map((r) => [r.userId, r]));
  return roster.flatMap((m) => {
    const flag = memberFollowUp(byUser.get(m.userId), m.joinedAt, now);
    return flag ? [{ learnerId: m.userId, since: flag.since }] : [];
  });
}
