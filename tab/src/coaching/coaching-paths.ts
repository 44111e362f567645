/** Where the tab asks about coaching notes: a lead writes one on a share or an entry, a learner reads their own. */

/** POST `{ note }`: the note goes to the sharer's chat. */
export function shareCoachingPath(teamId: string, shareId: string): string {
  return `/api/v1/teams/${encodeURIComponent(teamId)}/shares/${encodeURIComponent(shareId)}/coaching`;
}

/** POST `{ note }`: the note on one entry of a member's log goes to the member's chat. */
export function entryCoachingPath(teamId: string, memberId: string, entryId: string): string {
  return `/api/v1/teams/${encodeURIComponent(teamId)}/members/${encodeURIComponent(memberId)}/entries/${encodeURIComponent(entryId)}/coaching`;
}

export const MY_COACHING_PATH = '/api/v1/me/coaching';
