import type { FollowUpWhy } from './dashboard-view.js';

/** The quick replies a learner can give a lead's nudge. */
export const NUDGE_ANSWERS = ['on-it', 'need-help', 'lets-talk'] as const;
export type NudgeAnswer = (typeof NUDGE_ANSWERS)[number];
export const NUDGE_ANSWER_LABELS: Record<NudgeAnswer, string> = {
  'on-it': 'I’m on it',
  'need-help': 'I need help',
  'lets-talk': 'Let’s talk',
};

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
}
