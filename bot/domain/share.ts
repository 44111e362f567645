import type { LearningEntry, SourceType } from '../contract/learning-entry.js';
import type { MyShareVote, MyShareVoteUpdate } from '../contract/share-view.js';

/** What a sharer may choose to show besides what they learned, its kind and their rating. */
export const SHARE_PARTS = ['insight', 'action', 'link'] as const;
export type SharePart = (typeof SHARE_PARTS)[number];

export interface ShareTally {
  helpful: number;
  saves: number;
  ratingSum: number;
  ratingCount: number;
}

export const EMPTY_TALLY: ShareTally = { helpful: 0, saves: 0, ratingSum: 0, ratingCount: 0 };

/** A learning entry posted to a team's learning channel. Its id is the entry's id. */
export interface Share {
  tenantId: string;
  teamId: string;
  shareId: string;
  sharerId: string;
  sharerName: string;
  what: string;
  sourceType: SourceType;
  link: string | null;
  /** The normalised link's key, so every share of one resource is counted together. */
  resourceKey: string | null;
  insight: string | null;
  action: string | null;
  sharerRating: number | null;
  createdAt: string;
  withdrawnAt: string | null;
  /** Where the card was posted, once it was. */
  channelId: string;
  activityId: string | null;
  tally: ShareTally;
}

/** One person's marks on one share: one row each, so every total can be recomputed. */
export interface ShareVote extends MyShareVote {
  userId: string;
  resourceKey: string | null;
  at: string;
}

export const NO_VOTE: MyShareVote = { helpful: false, saved: false, rating: null };

/** The content of a share, keeping only the parts the sharer chose. */
export function shareContentOf(
  entry: Pick<LearningEntry, 'what' | 'sourceType' | 'link' | 'insight' | 'action' | 'rating'>,
  parts: readonly SharePart[],
): Pick<Share, 'what' | 'sourceType' | 'link' | 'insight' | 'action' | 'sharerRating'> {
  return {
    what: entry.what,
    sourceType: entry.sourceType,
    link: parts.includes('link') ? entry.link : null,
    insight: parts.includes('insight') ? entry.insight : null,
    action: parts.includes('action') ? entry.action : null,
    sharerRating: entry.rating,
  };
}

export type VoteChange =
  /** A button on the card: pressing it again undoes it. */
  | { kind: 'toggle'; field: 'helpful' | 'saved' }
  /** A rating from the card: the same rating again clears it. */
  | { kind: 'rate'; rating: number }
  /** The tab says what the marks should be. */
  | { kind: 'set'; update: MyShareVoteUpdate };

export type VoteOutcome = { ok: true; vote: MyShareVote } | { ok: false; reason: 'own_share' };

/** The caller's marks after a change. A sharer may rate and save their own share but not call it helpful. */
export function applyVoteChange(current: MyShareVote | undefined, change: VoteChange, isSharer: boolean): VoteOutcome {
  const before = current ?? NO_VOTE;
  let after: MyShareVote;
  if (change.kind === 'toggle') after = { ...before, [change.field]: !before[change.field] };
  else if (change.kind === 'rate') after = { ...before, rating: before.rating === change.rating ? null : change.rating };
  else after = { ...before, ...change.update };
  if (isSharer && after.helpful && !before.helpful) return { ok: false, reason: 'own_share' };
  return { ok: true, vote: after };
}

/** How a tally moves when one person's marks change from `before` to `after`. */
export function tallyAfter(tally: ShareTally, before: MyShareVote | undefined, after: MyShareVote): ShareTally {
  const b = before ?? NO_VOTE;
  const flag = (v: boolean) => (v ? 1 : 0);
  return {
    helpful: tally.helpful + flag(after.helpful) - flag(b.helpful),
    saves: tally.saves + flag(after.saved) - flag(b.saved),
    ratingSum: tally.ratingSum + (after.rating ?? 0) - (b.rating ?? 0),
    ratingCount: tally.ratingCount + flag(after.rating !== null) - flag(b.rating !== null),
  };
}

/** The tally recomputed from every vote row: what the stored counters must always equal. */
export function tallyOf(votes: readonly MyShareVote[]): ShareTally {
  return votes.reduce((t, v) => tallyAfter(t, undefined, v), EMPTY_TALLY);
}

export function averageRating(tally: ShareTally): number | null {
  return tally.ratingCount > 0 ? tally.ratingSum / tally.ratingCount : null;
}

export function sameVote(a: MyShareVote | undefined, b: MyShareVote): boolean {
  const x = a ?? NO_VOTE;
  return x.helpful === b.helpful && x.saved === b.saved && x.rating === b.rating;
}
