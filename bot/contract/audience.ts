/**
 * Who can see a learner's entries, team by team: what "My learning" shows under "Who can see your
 * entries". "Only me" entries are seen by nobody else; "My team's leads" entries by the leads of
 * each team the learner was in when they wrote them, from when they joined it; "My team" entries
 * also go to the team's learning channel.
 */
export interface AudienceTeam {
  teamId: string;
  name: string;
  /** When the learner joined the team: its leads see only what they wrote since. */
  joinedAt: string;
  /** The team's leads other than the learner, by name. */
  leads: { displayName: string }[];
  /** Whether the team has chosen the channel its learning shares go to. */
  hasSharesChannel: boolean;
}

/** GET /api/v1/me/audience */
export interface MyAudienceResponse {
  teams: AudienceTeam[];
}
