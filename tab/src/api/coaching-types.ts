import type { CoachingNote } from '../../../bot/contract/coaching-rules.js';

/**
 * A lead's coaching note on a share, and the learner's answer, as the API answers with it:
 * GET /api/v1/me/coaching `{ notes }`, newest first; POST
 * /api/v1/teams/:teamId/shares/:shareId/coaching `{ note }` answers 201 `{ note }` with whether it
 * reached the learner's chat (400 `invalid_request` says what is wrong with the note in its message).
 */
export type CoachingView = Omit<CoachingNote, 'tenantId'>;
export type SentCoachingNote = CoachingView & { delivered: boolean };

export interface MyCoachingResponse {
  notes: CoachingView[];
}

/** The service's limit, repeated (and checked against it in a test) so the tab does not ship its validator. */
export const COACHING_NOTE_MAX = 1000;
