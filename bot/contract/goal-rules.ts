import { CHECK_IN_LIMITS } from './check-in-rules.js';

/**
 * A goal as the learner sets it and reports on it, with the words and limits the tab's form
 * shares with the service's validation (domain/goal.ts).
 */

/** What a learner reports about a goal at a check-in. */
export const GOAL_STATES = ['on-track', 'behind', 'done', 'dropped'] as const;
export type GoalProgressState = (typeof GOAL_STATES)[number];

export const GOAL_STATE_LABELS: Record<GoalProgressState, string> = {
  'on-track': 'On track',
  behind: 'Behind',
  done: 'Done',
  dropped: 'Dropped',
};

/** Links follow the check-in's rule, so a link saved on a goal can also be logged as a source. */
export const GOAL_LIMITS = { what: 200, why: 500, note: 500, resources: 3, link: CHECK_IN_LIMITS.link } as const;

export interface GoalProgress {
  /** ISO instant. */
  at: string;
  state: GoalProgressState;
  note: string | null;
  cycle: string | null;
}

export interface Goal {
  goalId: string;
  tenantId: string;
  userId: string;
  what: string;
  why: string | null;
  /** The learner's calendar day, YYYY-MM-DD. */
  targetDate: string;
  /** http(s) links. */
  resources: string[];
  /** Newest last. */
  progress: GoalProgress[];
  createdAt: string;
  /** Set when the learner reports done or dropped. */
  closedAt: string | null;
}

export type GoalStatus = 'open' | 'overdue' | 'done' | 'dropped';

/** The fields of the goal form, in the order the card and the tab show them. */
export const GOAL_FIELDS = ['what', 'why', 'targetDate', 'resources'] as const;
export type GoalField = (typeof GOAL_FIELDS)[number];
