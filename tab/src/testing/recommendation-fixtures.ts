import type { MyRecommendation, TeamRecommendation } from '../api/recommendation-types.js';
import { TEAM_ID } from './dashboard-fixtures.js';

const team = encodeURIComponent(TEAM_ID);

/** The fake service's routes for a team's recommendations and the caller's own. */
export const TEAM_RECOMMENDATIONS_ROUTE = `GET /api/v1/teams/${team}/recommendations`;
export const RECOMMEND_ROUTE = `POST /api/v1/teams/${team}/recommendations`;
export const MY_RECOMMENDATIONS_ROUTE = 'GET /api/v1/me/recommendations';
export const doneRoute = (recId: string, teamId = TEAM_ID) =>
  `PUT /api/v1/me/recommendations/${encodeURIComponent(teamId)}/${encodeURIComponent(recId)}`;

function base(title: string) {
  const key = title.toLowerCase().replace(/\W+/g, '-');
  return {
    teamId: TEAM_ID,
    recId: `r-${key}`,
    leadId: 'alex-wilber',
    leadName: 'Alex Wilber',
    learnerId: null,
    title,
    link: `https://example.com/${key}`,
    note: null,
    at: '2026-11-20T10:00:00.000Z',
  };
}

export function teamRecommendation(title: string, over: Partial<TeamRecommendation> = {}): TeamRecommendation {
  return { ...base(title), doneBy: 0, for: 4, ...over };
}

export function myRecommendation(title: string, over: Partial<MyRecommendation> = {}): MyRecommendation {
  return { ...base(title), done: false, doneAt: null, ...over };
}
