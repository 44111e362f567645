import type { FollowUpFigures, LeaderFigures } from '../contract/report.js';

/**
 * Leaders are accountable too: for each lead, how many follow-ups the rules asked of them, how
 * many they made, and how long members waited. A follow-up is asked for each *episode* — a member
 * flagged from a given moment — and made by a nudge sent after that moment for that episode.
 */

/** A member flagged now, since `since` (epoch ms). */
export interface StandingFlag {
  learnerId: string;
  since: number;
}

/** A nudge as the metrics need it: who, to whom, when, and which flag it answered (if any). */
export interface NudgeFact {
  leadId: string;
  learnerId: string;
  sentAt: number;
  flaggedSince: number | null;
}

/** A stored nudge as a fact for the metrics: its times as epoch ms. */
export function nudgeFact(nudge: { leadId: string; learnerId: string; sentAt: string; flaggedSince: string | null }): NudgeFact {
  return {
    leadId: nudge.leadId,
    learnerId: nudge.learnerId,
    sentAt: Date.parse(nudge.sentAt),
    flaggedSince: nudge.flaggedSince ? Date.parse(nudge.flaggedSince) : null,
  };
}

const DAY_MS = 86_400_000;

/**
 * Episodes are those that began in [from, to): known from the nudges that answered them and from
 * the flags standing now. Every lead of the team is asked to follow up every episode; the team's
 * figures count an episode done when any lead followed it up.
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
  // The first follow-up of each episode, overall and by each lead.
  const firstBy = new Map<string, Map<string, number>>();
  for (const n of input.nudges) {
    if (n.flaggedSince === null || n.sentAt < n.flaggedSince) continue;
    const key = keyOf(n.learnerId, n.flaggedSince);
    if (!episodes.has(key)) continue;
    const byLead = firstBy.get(key) ?? new Map<string, number>();
    byLead.set(n.leadId, Math.min(byLead.get(n.leadId) ?? Infinity, n.sentAt));
    firstBy.set(key, byLead);
  }
  const figures = (waits: number[]): FollowUpFigures => ({
    requested: episodes.size,
    done: waits.length,
    rate: episodes.size ? waits.length / episodes.size : null,
    medianDays: median(waits.map((ms) => ms / DAY_MS)),
  });
  const teamWaits: number[] = [];
  for (const [key, byLead] of firstBy) teamWaits.push(Math.min(...byLead.values()) - episodes.get(key)!.since);
  return {
    team: figures(teamWaits),
    leads: input.leadIds.map((leadId) => {
      const waits: number[] = [];
      for (const [key, byLead] of firstBy) {
        const at = byLead.get(leadId);
        if (at !== undefined) waits.push(at - episodes.get(key)!.since);
      }
      return { leadId, ...figures(waits) };
    }),
  };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round(value * 10) / 10;
}
