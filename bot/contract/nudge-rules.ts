import type { FollowUpWhy } from './dashboard-view.js';

/** The quick replies a learner can give a lead's nudge. */
export const NUDGE_ANSWERS = ['on-it', 'need-help', 'lets-talk'] as const;
export type NudgeAnswer = (typeof NUDGE_ANSWERS)[number];
export const NUDGE_ANSWER_LABELS: Record<NudgeAnswer, string> = {
  'on-it': 'I’m on it',
  'need-help': 'I need help',
  'lets-talk': 'Let’s talk',
};

/** The answers that ask something of the lead: each opens a follow-up for the team's leads to close (contract/follow-up-rules.ts). */
export const FOLLOW_UP_OPENING_ANSWERS = ['need-help', 'lets-talk'] as const satisfies readonly NudgeAnswer[];
export type FollowUpAnswer = (typeof FOLLOW_UP_OPENING_ANSWERS)[number];

export function opensFollowUp(answer: NudgeAnswer): answer is FollowUpAnswer {
  return (FOLLOW_UP_OPENING_ANSWERS as readonly string[]).includes(answer);
}

export const NUDGE_NOTE_MAX = 500;

/** A lead's follow-up with one learner, and the learner's answer. */
export interface Nudge {
  tenantId: string;
  teamId: string;
  nudgeId: string;
  learnerId: string;
  learnerName: string;
  leadId: string;
  leadName: string;
  note: string | null;
  /** Why the dashboard flagged the learner when the nudge was sent, and since when; null if it did not. */
  reason: string | null;
  /** The same reason as data, for a reader in another language; absent on nudges sent before it was kept. */
  why?: FollowUpWhy | null;
  flaggedSince: string | null;
  sentAt: string;
  delivered: boolean;
  reply: { answer: NudgeAnswer; at: string } | null;
  /** When a lead closed the follow-up the learner's answer opened; absent while open, or when none opened. */
  closedAt?: string | null;
  /** When the learner recorded a result of an action after this nudge; absent until they do. */
  resultAt?: string | null;
}
