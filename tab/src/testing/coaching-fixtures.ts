import type { CoachingView } from '../api/coaching-types.js';
import { TEAM_ID } from './dashboard-fixtures.js';

/** The fake service's routes for coaching: a lead's note on a share, and the learner's own notes. */
export const MY_COACHING_ROUTE = 'GET /api/v1/me/coaching';
export const coachRoute = (shareId: string, teamId = TEAM_ID) =>
  `POST /api/v1/teams/${encodeURIComponent(teamId)}/shares/${encodeURIComponent(shareId)}/coaching`;

export function coachingNote(about: string, over: Partial<CoachingView> = {}): CoachingView {
  const key = about.toLowerCase().replace(/\W+/g, '-');
  return {
    teamId: TEAM_ID,
    shareId: `s-${key}`,
    about,
    learnerId: 'megan-bowen',
    noteId: `n-${key}`,
    leadId: 'alex-wilber',
    leadName: 'Alex Wilber',
    note: 'Nice one. Try it on the next sprint?',
    at: '2026-11-25T09:00:00.000Z',
    answer: null,
    ...over,
  };
}
