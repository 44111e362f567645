import type { SourceType } from './learning-entry.js';

/**
 * What the tab is told about learning shares and resources. Pure types, free of zod and
 * storage, so the service and the tab are checked against one definition.
 */

export const SHARE_SORTS = ['newest', 'helpful'] as const;
export type ShareSort = (typeof SHARE_SORTS)[number];

export const RESOURCE_SCOPES = ['team', 'organisation'] as const;

/** Fewer ratings than this say too little to put a resource on the "top rated" list at all (the tab says so). */
export const TOP_RATED_MIN_RATINGS = 3;
export type ResourceScope = (typeof RESOURCE_SCOPES)[number];

/** The caller's own marks on a share. */
export interface MyShareVote {
  helpful: boolean;
  saved: boolean;
  /** 1–5, or null when the caller has not rated the resource on this share. */
  rating: number | null;
}

/** One learning share as a team member sees it in the feed. */
export interface ShareView {
  shareId: string;
  teamId: string;
  sharerName: string;
  /** True when the caller made this share (they cannot mark it helpful). */
  sharedByMe: boolean;
  what: string;
  sourceType: SourceType;
  /** Only the parts the sharer chose to share; null otherwise. */
  link: string | null;
  insight: string | null;
  action: string | null;
  createdAt: string;
  helpful: number;
  saves: number;
  /** Mean of every rating on this share (the sharer's own included); null with none. */
  averageRating: number | null;
  ratingCount: number;
  mine: MyShareVote;
}

/** GET /api/v1/teams/:teamId/shares?sort=newest|helpful — withdrawn shares are left out. */
export interface SharesResponse {
  teamId: string;
  sort: ShareSort;
  shares: ShareView[];
  /** Where the next page starts (`?cursor=`); null on the last page. */
  nextCursor: string | null;
}

/**
 * PUT /api/v1/teams/:teamId/shares/:shareId/my-vote sets the caller's marks (any of the three
 * fields; a rating of null clears it) and answers with the updated share. 400 names a bad field,
 * 403 when the caller is not in the team, 404 when there is no such share, 409 when it was
 * withdrawn, 422 `own_share` when a sharer marks their own share helpful.
 */
export type MyShareVoteUpdate = Partial<MyShareVote>;

/** One resource (all the shares of one normalised link) with the figures it is ranked by. */
export interface ResourceView {
  resourceKey: string;
  link: string;
  /** What the most recent sharer called it. */
  title: string;
  sourceType: SourceType;
  averageRating: number | null;
  ratingCount: number;
  /** The damped average the "top rated" list is sorted by (see `ranking`). */
  score: number | null;
  saves: number;
  shares: number;
}

/** GET /api/v1/teams/:teamId/resources?scope=team|organisation */
export interface TopResourcesResponse {
  scope: ResourceScope;
  /** How "top rated" is ranked, in a sentence a person can read. */
  ranking: string;
  topRated: ResourceView[];
  mostSaved: ResourceView[];
  /** The organisation's lists only: when they were computed (ISO time), or that they are being prepared (lists empty). */
  asOf?: string;
  preparing?: boolean;
}

/** One share the caller saved, for "Saved" on the personal page. */
export interface SavedShareView {
  shareId: string;
  teamId: string;
  teamName: string;
  sharerName: string;
  what: string;
  sourceType: SourceType;
  link: string | null;
  insight: string | null;
  savedAt: string;
  /** True once the sharer withdrew it; it stays in the list, marked, until unsaved. */
  withdrawn: boolean;
}

/** GET /api/v1/me/saved — newest saved first. Unsaving is the my-vote PUT with `saved: false`. */
export interface SavedSharesResponse {
  saved: SavedShareView[];
  /** Where the next page starts (`?cursor=`); null on the last page. */
  nextCursor: string | null;
}
