import type { GoalView, NudgeAnswer } from '../../../bot/contract/api.js';
import type { GoalProgressState } from '../../../bot/contract/goal-rules.js';

export type { GoalInput, GoalView, MyGoalsResponse, NudgeAnswer, NudgeView, NudgesResponse } from '../../../bot/contract/api.js';
export type { GoalProgress, GoalProgressState, GoalStatus } from '../../../bot/contract/goal-rules.js';

/**
 * The service's words and limits for goals and nudges, repeated here (and checked against the
 * service's own in a test, as the dashboard's periods are): the modules that define them bring
 * the validator with them, which the tab must not ship for a handful of strings.
 */
export const GOAL_STATE_LABELS: Record<GoalProgressState, string> = {
  'on-track': 'On track',
  behind: 'Behind',
  done: 'Done',
  dropped: 'Dropped',
};

export const GOAL_LIMITS = { what: 200, why: 500, resources: 3, link: 2048 } as const;

export const NUDGE_ANSWER_LABELS: Record<NudgeAnswer, string> = {
  'on-it': 'I’m on it',
  'need-help': 'I need help',
  'lets-talk': 'Let’s talk',
};

export const NUDGE_NOTE_MAX = 500;

/** A goal just added: the service answers without a status, and a new goal is open. */
export type AddedGoal = Omit<GoalView, 'status'>;
