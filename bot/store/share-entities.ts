import type { SourceType } from '../contract/learning-entry.js';
import { EMPTY_TALLY, type Share, type ShareVote } from '../domain/share.js';
import { keyOf } from './keys.js';

/** How a share and a person's marks on it are written as table rows, and read back. */

export const SHARE = 's';
export const VOTE = 'v';

export type ShareEntity = {
  partitionKey: string;
  rowKey: string;
  shareId: string;
  sharerId: string;
  sharerName: string;
  what: string;
  sourceType: string;
  link?: string;
  resourceKey?: string;
  insight?: string;
  action?: string;
  sharerRating?: number;
  createdAt: string;
  withdrawnAt?: string;
  channelId: string;
  activityId?: string;
  helpful: number;
  saves: number;
  ratingSum: number;
  ratingCount: number;
};

export type VoteEntity = {
  partitionKey: string;
  rowKey: string;
  shareId: string;
  userId: string;
  helpful: boolean;
  saved: boolean;
  rating?: number;
  resourceKey?: string;
  at: string;
};

export function toShareEntity(share: Share): ShareEntity {
  return {
    partitionKey: keyOf(share.tenantId, share.teamId),
    rowKey: keyOf(SHARE, share.shareId),
    shareId: share.shareId,
    sharerId: share.sharerId,
    sharerName: share.sharerName,
    what: share.what,
    sourceType: share.sourceType,
    ...(share.link ? { link: share.link } : {}),
    ...(share.resourceKey ? { resourceKey: share.resourceKey } : {}),
    ...(share.insight ? { insight: share.insight } : {}),
    ...(share.action ? { action: share.action } : {}),
    ...(share.sharerRating !== null ? { sharerRating: share.sharerRating } : {}),
    createdAt: share.createdAt,
    ...(share.withdrawnAt ? { withdrawnAt: share.withdrawnAt } : {}),
    channelId: share.channelId,
    ...(share.activityId ? { activityId: share.activityId } : {}),
    ...share.tally,
  };
}

export function fromShareEntity(tenantId: string, teamId: string, e: ShareEntity): Share {
  const share: Share = {
    tenantId,
    teamId,
    shareId: e.shareId,
    sharerId: e.sharerId,
    sharerName: e.sharerName,
    what: e.what,
    sourceType: e.sourceType as SourceType,
    link: e.link || null,
    resourceKey: e.resourceKey || null,
    insight: e.insight || null,
    action: e.action || null,
    sharerRating: typeof e.sharerRating === 'number' ? e.sharerRating : null,
    createdAt: e.createdAt,
    withdrawnAt: e.withdrawnAt || null,
    channelId: e.channelId,
    activityId: e.activityId || null,
    tally: {
      helpful: e.helpful ?? EMPTY_TALLY.helpful,
      saves: e.saves ?? EMPTY_TALLY.saves,
      ratingSum: e.ratingSum ?? EMPTY_TALLY.ratingSum,
      ratingCount: e.ratingCount ?? EMPTY_TALLY.ratingCount,
    },
  };
  // A share withdrawn before its row was cleared still answers nothing of what it said.
  return share.withdrawnAt ? withdrawnShare(share, share.withdrawnAt) : share;
}

/**
 * A share once withdrawn: its words, title and link are gone; what stays (who shared it, where its
 * card is, its counters) lets the channel's card say it was withdrawn.
 */
export function withdrawnShare(share: Share, at: string): Share {
  return { ...share, what: '', link: null, resourceKey: null, insight: null, action: null, withdrawnAt: at };
}

export function toVoteEntity(partitionKey: string, shareId: string, vote: ShareVote): VoteEntity {
  return {
    partitionKey,
    rowKey: keyOf(VOTE, shareId, vote.userId),
    shareId,
    userId: vote.userId,
    helpful: vote.helpful,
    saved: vote.saved,
    ...(vote.rating !== null ? { rating: vote.rating } : {}),
    ...(vote.resourceKey ? { resourceKey: vote.resourceKey } : {}),
    at: vote.at,
  };
}

export function fromVoteEntity(e: VoteEntity): ShareVote {
  return {
    userId: e.userId,
    helpful: e.helpful === true,
    saved: e.saved === true,
    rating: typeof e.rating === 'number' ? e.rating : null,
    resourceKey: e.resourceKey || null,
    at: e.at,
  };
}
