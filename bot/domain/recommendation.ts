import type { Recommendation } from '../contract/recommendation-rules.js';

/** A check-in shows at most this many open recommendations, newest first. */
export const RECOMMENDATIONS_PER_CHECK_IN = 3;

/** Whether a recommendation is for this learner: made to them, or to their whole team. */
export function isFor(rec: Pick<Recommendation, 'learnerId'>, learnerId: string): boolean {
  return rec.learnerId === null || rec.learnerId === learnerId;
}

/** The id of a recommendation's "I did this" toggle on the check-in card. */
export function recommendationInputId(teamId: string, recId: string): string {
  return `rec.${encodeURIComponent(teamId)}.${recId}`;
}

/** The recommendations a check-in card says were done: only those it offered count. */
export function completedFrom(data: unknown, offered: readonly { teamId: string; recId: string }[]): { teamId: string; recId: string }[] {
  if (typeof data !== 'object' || data === null) return [];
  const record = data as Record<string, unknown>;
  return offered.filter((r) => record[recommendationInputId(r.teamId, r.recId)] === 'true');
}
