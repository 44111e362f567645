import type { ResourceView, SavedShareView, SharesResponse, ShareView, TopResourcesResponse } from '../api/share-types.js';
import { TEAM_ID } from './dashboard-fixtures.js';

const team = encodeURIComponent(TEAM_ID);

/** The fake service's routes for the team page's shares and resources, and the personal page's saved list. */
export const SHARES_ROUTE = `GET /api/v1/teams/${team}/shares`;
export const RESOURCES_ROUTE = `GET /api/v1/teams/${team}/resources`;
export const SAVED_ROUTE = 'GET /api/v1/me/saved';
export const voteRoute = (shareId: string, teamId = TEAM_ID) =>
  `PUT /api/v1/teams/${encodeURIComponent(teamId)}/shares/${encodeURIComponent(shareId)}/my-vote`;

export function share(what: string, over: Partial<ShareView> = {}): ShareView {
  return {
    shareId: what.toLowerCase().replace(/\W+/g, '-'),
    teamId: TEAM_ID,
    sharerName: 'Megan Bowen',
    sharedByMe: false,
    what,
    sourceType: 'article',
    link: null,
    insight: null,
    action: null,
    createdAt: '2026-11-20T10:00:00.000Z',
    helpful: 0,
    saves: 0,
    averageRating: null,
    ratingCount: 0,
    mine: { helpful: false, saved: false, rating: null },
    ...over,
  };
}

export function shares(list: ShareView[], sort: SharesResponse['sort'] = 'newest', nextCursor: string | null = null): SharesResponse {
  return { teamId: TEAM_ID, sort, shares: list, nextCursor };
}

export function resource(title: string, over: Partial<ResourceView> = {}): ResourceView {
  const key = title.toLowerCase().replace(/\W+/g, '-');
  return {
    resourceKey: key,
    link: `https://example.com/${key}`,
    title,
    sourceType: 'article',
    averageRating: 4.5,
    ratingCount: 4,
    score: 4.1,
    saves: 2,
    shares: 1,
    ...over,
  };
}

export const RANKING = 'Ranked by average rating, pulled towards the overall average until a resource has at least 3 ratings.';

export function topResources(over: Partial<TopResourcesResponse> = {}): TopResourcesResponse {
  return { scope: 'team', ranking: RANKING, topRated: [], mostSaved: [], ...over };
}

export function savedShare(what: string, over: Partial<SavedShareView> = {}): SavedShareView {
  return {
    shareId: what.toLowerCase().replace(/\W+/g, '-'),
    teamId: TEAM_ID,
    teamName: 'Product Design',
    sharerName: 'Megan Bowen',
    what,
    sourceType: 'article',
    link: null,
    insight: null,
    savedAt: '2026-11-21T09:00:00.000Z',
    withdrawn: false,
    ...over,
  };
}

/** What a team with nothing shared yet answers: for page tests about other things. */
export const NO_SHARES_ROUTES = {
  [SHARES_ROUTE]: shares([]),
  [RESOURCES_ROUTE]: topResources(),
};
