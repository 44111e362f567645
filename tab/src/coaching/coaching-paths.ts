/** Where the tab asks about coaching notes: a lead writes one on a share, a learner reads their own. */

/** POST `{ note }`: the note goes to the sharer's chat. */
export function shareCoachingPath(teamId: string, shareId: string): string {
  return `/api/v1/teams/${encodeURIComponent(teamId)}/shares/${encodeURIComponent(shareId)}/coaching`;
}

export const MY_COACHING_PATH = '/api/v1/me/coaching';
