import type { FollowUpWhy } from './dashboard-view.js';
import type { FollowUpAnswer } from './nudge-rules.js';

/**
 * Follow-ups that close: a learner's "I need help" or "Let's talk" to a lead's nudge opens one for
 * the team's leads; a lead closes it with a short note, and the learner is told.
 */

/** A closing note is short: what was done ("we talked", "sent a course"). */
export const FOLLOW_UP_NOTE_MAX = 280;

/**
 * How many days a follow-up may wait before its leads are reminded, once. The one place this is
 * said: an L&D setting can replace it later.
 */
export const FOLLOW_UP_EXPECTED_DAYS = 7;

/** One follow-up as the team's leads see it. */
export interface FollowUp {
  teamId: string;
  /** The nudge it came from: one follow-up per nudge. */
  followUpId: string;
  learnerId: string;
  learnerName: string;
  /** The learner's answer that opened it. */
  answer: FollowUpAnswer;
  /** Who nudged, and what they asked. */
  nudgedBy: { userId: string; displayName: string };
  nudgeNote: string | null;
  /** Why the dashboard had flagged the learner when nudged (English), and as data; null if it had not. */
  reason: string | null;
  why?: FollowUpWhy | null;
  /** When the learner answered: since when the follow-up waits. */
  openedAt: string;
  closed: { by: { userId: string; displayName: string }; note: string; at: string } | null;
}

/** GET /teams/:teamId/follow-ups: the open ones oldest first, the latest closed ones newest first. */
export interface FollowUpsResponse {
  expectedDays: number;
  open: FollowUp[];
  closed: FollowUp[];
}

/** POST /teams/:teamId/follow-ups/:followUpId/close */
export interface CloseFollowUpRequest {
  note: string;
}

export interface CloseFollowUpResponse {
  followUp: FollowUp;
  /** Whether the learner's personal chat took the message. */
  learnerTold: boolean;
}
