import type { FollowUpFigures, LeaderFigures } from '../contract/report.js';
import type { NudgeAnswer } from '../contract/nudge-rules.js';

/**
 * Leaders are accountable too: for each lead, how many follow-ups the rules asked of them, how
 * many they saw through, and how long members waited. A follow-up is asked for each *episode* — a
 * member flagged from a given moment — and answered by the lead's nudges sent after that moment.
 *
 * A follow-up is **done** only when the loop closed: the learner answered the nudge and the lead
 * closed the follow-up it opened ("I need help", "Let's talk"), or the learner recorded a result
 * of an action after the nudge. A nudge alone is not done; it still counts as `nudged`.
 */

/** A member flagged now, since `since` (epoch ms). */
export interface StandingFlag {
  learnerId: string;
  since: number;
}

/** A nudge as the metrics need it: who, to whom, when, which flag it answered (if any), and how it ended. */
export interface NudgeFact {
  leadId: string;
  learnerId: string;
  sentAt: number;
  flaggedSince: number | null;
  /** The learner's answer; absent while unanswered. */
  answer?: NudgeAnswer;
  /** When a lead closed the follow-up the answer opened; absent while open (or when none opened). */
  closedAt?: number;
  /** When the learner next recorded a result of an action, after the nudge; absent until they do. */
  resultAt?: number;
}

/** A stored nudge as a fact for the metrics: its times as epoch ms. */
export function nudgeFact(nudge: {
  leadId: string;
  learnerId: string;
  sentAt: string;
  flaggedSince: string | null;
  reply?: { answer: NudgeAnswer } | null;
  closedAt?: string | null;
  resultAt?: string | null;
}): NudgeFact {
  return {
    leadId: nudge.leadId,
    learnerId: nudge.learnerId,
    sentAt: Date.parse(nudge.sentAt),
    flaggedSince: nudge.flaggedSince ? Date.parse(nudge.flaggedSince) : null,
    ...(nudge.reply ? { answer: nudge.reply.answer } : {}),
    ...(nudge.closedAt ? { closedAt: Date.parse(nudge.closedAt) } : {}),
    ...(nudge.resultAt ? { resultAt: Date.parse(nudge.resultAt) } : {}),
  };
}

/**
 * When the nudge's follow-up was done, or undefined while it is not: the learner answered and a
 * lead closed what the answer opened, or the learner recorded a result after the nudge.
 */
export function followUpDoneAt(n: NudgeFact): number | undefined {
  const byResult = n.resultAt !== undefined && n.resultAt >= n.sentAt ? n.resultAt : undefined;
  // Only an answer asking something of the lead opens a follow-up to close; it stays closed if the learner changes their answer after.
  const byClosing = n.answer !== undefined && n.closedAt !== undefined ? n.closedAt : undefined;
  if (byResult === undefined) return byClosing;
  return byClosing === undefined ? byResult : Math.min(byResult, byClosing);
}

const DAY_MS = 86_400_000;

/**
 * Episodes are those that began in [from, to): known from the nudges that answered them and from
 * the flags standing now. Every lead of the team is asked to follow up every episode; the team's
 * figures count an episode done when any lead's follow-up of it was done, timed from the flag to
 * the first moment one was.
 */
export function leaderMetrics(input: {
  leadIds: readonly string[];
  standing: readonly StandingFlag[];
  nudges: readonly NudgeFact[];
  from: number;
  to: number;
}): { team: FollowUpFigures; leads: LeaderFigures[] } {
  const episodes = new Map<string, { learnerId: string; since: number }>();
  const keyOf = (learnerId: string, since: number) => `${learnerId}\u0000${since}`;
  for (const f of input.standing) if (f.since >= input.from && f.since < input.to) episodes.set(keyOf(f.learnerId, f.since), f);
  for (const n of input.nudges) {
    if (n.flaggedSince !== null && n.flaggedSince >= input.from && n.flaggedSince < input.to) {
      episodes.set(keyOf(n.learnerId, n.flaggedSince), { learnerId: n.learnerId, since: n.flaggedSince });
    }
  }
  // For each episode and lead: whether they nudged, and the first moment a follow-up of theirs was done.
  const byEpisode = new Map<string, Map<string, { doneAt: number }>>();
  for (const n of input.nudges) {
    if (n.flaggedSince === null || n.sentAt < n.flaggedSince) continue;
    const key = keyOf(n.learnerId, n.flaggedSince);
    if (!episodes.has(key)) continue;
    const byLead = byEpisode.get(key) ?? new Map<string, { doneAt: number }>();
    const doneAt = followUpDoneAt(n) ?? Infinity;
    byLead.set(n.leadId, { doneAt: Math.min(byLead.get(n.leadId)?.doneAt ?? Infinity, doneAt) });
    byEpisode.set(key, byLead);
  }
  const figures = (nudged: number, waits: number[]): FollowUpFigures => ({
    requested: episodes.size,
    done: waits.length,
    rate: episodes.size ? waits.length / episodes.size : null,
    medianDays: median(waits.map((ms) => ms / DAY_MS)),
    nudged,
  });
  const waitsOf = (leadId?: string) => {
    const waits: number[] = [];
    let nudged = 0;
    for (const [key, byLead] of byEpisode) {
      const times = leadId === undefined ? [...byLead.values()] : byLead.has(leadId) ? [byLead.get(leadId)!] : [];
      if (times.length === 0) continue;
      nudged++;
      const doneAt = Math.min(...times.map((t) => t.doneAt));
      if (doneAt !== Infinity) waits.push(doneAt - episodes.get(key)!.since);
    }
    return figures(nudged, waits);
  };
  return { team: waitsOf(), leads: input.leadIds.map((leadId) => ({ leadId, ...waitsOf(leadId) })) };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(value * 10) / 10;
}
