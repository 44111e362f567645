/** Where a team's leads send nudges and read them back (leads only: the service answers others 403). */

export function nudgesPath(teamId: string): string {
  return `/api/v1/teams/${encodeURIComponent(teamId)}/nudges`;
}

/** POST `{ note? }` to nudge one member; the service answers 201 `{ nudge }`. */
export function nudgeMemberPath(teamId: string, userId: string): string {
  return `/api/v1/teams/${encodeURIComponent(teamId)}/members/${encodeURIComponent(userId)}/nudges`;
}
