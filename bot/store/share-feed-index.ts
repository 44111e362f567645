import type { Share } from '../domain/share.js';
import { keyOf, newestFirstTimeKey } from './keys.js';

/**
 * A team's feed in row key order, so a page of it is one range read whatever the team has shared:
 * beside each share's row, a pointer under `fn|<newest first>|<share>` (the newest first) and
 * one under `fh|<most helpful first>|<newest first>|<share>` (the most helpful first), rewritten
 * with the share's counters in one transaction. Pointers carry the share's id and creation time
 * only, never its words, so retention can find them by time and nothing of a sharer stays in one.
 */
export const FEED_NEWEST = 'fn';
export const FEED_HELPFUL = 'fh';
/** A team partition holding this row has pointers for every share written before the feed had them. */
export const FEED_INDEXED = 'fi';

const MAX_HELPFUL = 999_999;

export type FeedPointer = { partitionKey: string; rowKey: string; shareId: string; createdAt: string };

export function newestKey(share: Pick<Share, 'shareId' | 'createdAt'>): string {
  return keyOf(FEED_NEWEST, newestFirstTimeKey(new Date(share.createdAt)), share.shareId);
}

export function helpfulKey(share: Pick<Share, 'shareId' | 'createdAt'>, helpful: number): string {
  const inverted = String(MAX_HELPFUL - Math.min(MAX_HELPFUL, Math.max(0, helpful))).padStart(6, '0');
  return keyOf(FEED_HELPFUL, inverted, newestFirstTimeKey(new Date(share.createdAt)), share.shareId);
}

/** The two pointers of a share with these counters. */
export function feedPointers(partitionKey: string, share: Pick<Share, 'shareId' | 'createdAt'>, helpful: number): FeedPointer[] {
  const row = (rowKey: string): FeedPointer => ({ partitionKey, rowKey, shareId: share.shareId, createdAt: share.createdAt });
  return [row(newestKey(share)), row(helpfulKey(share, helpful))];
}
