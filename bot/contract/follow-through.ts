/**
 * How learners follow through on the actions they plan, as every view shows it (My learning, the
 * team dashboard, the digest, the L&D report, the exports).
 *
 * An action is **due** once a full check-in cycle (7 days) has passed since it was planned, or
 * as soon as the learner answered it for good (a result, or dropped). **Follow-through** is
 * results ÷ actions due; "no result yet" keeps an action waiting, and a dropped one counts as due
 * without a result. Days to a result are whole days from the entry to the answer.
 */
export const ACTION_DUE_AFTER_DAYS = 7;
/** My learning counts the actions of this many weeks, as the dashboard's longest period does. */
export const MY_FIGURES_WEEKS = 52;

export interface FollowThroughFigures {
  /** Entries that planned an action. */
  actions: number;
  results: number;
  dropped: number;
  /** Planned and not yet answered with a result or "dropped". */
  awaiting: number;
  due: number;
  /** results ÷ due, or null when nothing is due yet. */
  followThrough: number | null;
  /** The median whole days from planning an action to its result, or null without results of known date. */
  medianDaysToResult: number | null;
}

export const NO_FOLLOW_THROUGH: FollowThroughFigures = {
  actions: 0,
  results: 0,
  dropped: 0,
  awaiting: 0,
  due: 0,
  followThrough: null,
  medianDaysToResult: null,
};

/** An action a member planned that still awaits a result, as their team's leads see it. */
export interface AwaitingActionView {
  userId: string;
  displayName: string;
  entryId: string;
  /** When the action was planned (the entry's time). */
  createdAt: string;
  /** What the entry was about, and the action planned. */
  what: string;
  action: string;
  /** Older than one check-in cycle: it counts against follow-through until it is answered. */
  due: boolean;
  /** The member said "no result yet" at this time. */
  notYetAt: string | null;
}

/** GET /api/v1/teams/:teamId/awaiting-actions (leads): oldest first, at most `limit`; `more` when some were left out. */
export interface AwaitingActionsResponse {
  actions: AwaitingActionView[];
  more: boolean;
}

/** POST /api/v1/teams/:teamId/members/:userId/entries/:entryId/ask-how-it-went: whether the card reached the member. */
export interface AskHowItWentResponse {
  delivered: boolean;
}
