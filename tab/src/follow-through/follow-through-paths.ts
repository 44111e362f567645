/** A team's actions awaiting a result, for its leads (the service answers others 403). */
export function awaitingActionsPath(teamId: string): string {
  return `/api/v1/teams/${encodeURIComponent(teamId)}/awaiting-actions`;
}

/** POST to send a member a card asking what came of one action; the service answers 202 `{ delivered }`. */
export function askHowItWentPath(teamId: string, userId: string, entryId: string): string {
  return `/api/v1/teams/${encodeURIComponent(teamId)}/members/${encodeURIComponent(userId)}/entries/${encodeURIComponent(entryId)}/ask-how-it-went`;
}
