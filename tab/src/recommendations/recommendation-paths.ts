/** Where the tab asks about recommendations: a team's (leads only) and the caller's own. */

/** GET a team's recommendations with how many did each; POST a new one. */
export function teamRecommendationsPath(teamId: string): string {
  return `/api/v1/teams/${encodeURIComponent(teamId)}/recommendations`;
}

export const MY_RECOMMENDATIONS_PATH = '/api/v1/me/recommendations';

/** PUT `{ done }` to tick one off or take the tick back. */
export function myRecommendationPath(teamId: string, recId: string): string {
  return `${MY_RECOMMENDATIONS_PATH}/${encodeURIComponent(teamId)}/${encodeURIComponent(recId)}`;
}
