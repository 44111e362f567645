import type { ResourceScope, ShareSort } from '../api/share-types.js';

/** Where the tab asks about a team's learning shares and resources, and the caller's saved ones. */

export function sharesPath(teamId: string, sort: ShareSort, cursor?: string): string {
  const more = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
  return `/api/v1/teams/${encodeURIComponent(teamId)}/shares?sort=${sort}${more}`;
}

/** PUT the caller's marks on one share; the service answers with the share as it now stands. */
export function myVotePath(teamId: string, shareId: string): string {
  return `/api/v1/teams/${encodeURIComponent(teamId)}/shares/${encodeURIComponent(shareId)}/my-vote`;
}

export function topResourcesPath(teamId: string, scope: ResourceScope): string {
  return `/api/v1/teams/${encodeURIComponent(teamId)}/resources?scope=${scope}`;
}

export const SAVED_PATH = '/api/v1/me/saved';
