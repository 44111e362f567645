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

/**
 * How many results took each number of whole days, as `[days, results]` pairs in ascending days:
 * what lets a median be combined across members, weeks and teams without keeping every result.
 * It stays small: days to a result never exceed the period counted (at most 52 weeks), so there
 * are at most a few hundred pairs however many results there are.
 */
export type DaysToResult = [days: number, results: number][];

/** results ÷ actions due, or null when nothing is due yet. */
export function followThroughRate(results: number, due: number): number | null {
  return due > 0 ? results / due : null;
}

/** Two counts of days to a result added together. */
export function addDaysToResult(a: DaysToResult, b: DaysToResult): DaysToResult {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const sum = new Map(a);
  for (const [days, n] of b) sum.set(days, (sum.get(days) ?? 0) + n);
  return [...sum.entries()].sort((x, y) => x[0] - y[0]);
}

/** The median of the counted days; the mean of the middle two for an even count; null with no results. */
export function medianDaysOf(counts: Iterable<readonly [number, number]>): number | null {
  const sorted = [...counts].filter(([, n]) => n > 0).sort((a, b) => a[0] - b[0]);
  const total = sorted.reduce((n, [, c]) => n + c, 0);
  if (total === 0) return null;
  const at = (rank: number): number => {
    let seen = 0;
    for (const [value, count] of sorted) {
      seen += count;
      if (rank < seen) return value;
    }
    return sorted[sorted.length - 1]![0];
  };
  return total % 2 === 1 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

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
