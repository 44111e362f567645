/** Where a team's leads read its follow-ups and close one (leads only: the service answers others 403). */

export function followUpItemsPath(teamId: string): string {
  return `/api/v1/teams/${encodeURIComponent(teamId)}/follow-ups`;
}

/** POST `{ note }`; the service answers `{ followUp, learnerTold }`, 409 when it was already closed. */
export function closeFollowUpPath(teamId: string, followUpId: string): string {
  return `${followUpItemsPath(teamId)}/${encodeURIComponent(followUpId)}/close`;
}
