import type { GoalProgress, GoalView, NudgeView } from '../api/goal-types.js';
import { TEAM_ID } from './dashboard-fixtures.js';

const team = encodeURIComponent(TEAM_ID);

/** The fake service's routes for the personal page's goals and a team's nudges. */
export const GOALS_ROUTE = 'GET /api/v1/me/goals';
export const ADD_GOAL_ROUTE = 'POST /api/v1/me/goals';
export const NUDGES_ROUTE = `GET /api/v1/teams/${team}/nudges`;
export const nudgeRoute = (userId: string) => `POST /api/v1/teams/${team}/members/${encodeURIComponent(userId)}/nudges`;

export function progress(state: GoalProgress['state'], over: Partial<GoalProgress> = {}): GoalProgress {
  return { at: '2026-11-20T10:00:00.000Z', state, note: null, cycle: '2026-W47', ...over };
}

export function goal(what: string, over: Partial<GoalView> = {}): GoalView {
  return {
    goalId: what.toLowerCase().replace(/\W+/g, '-'),
    what,
    why: null,
    targetDate: '2026-12-31',
    resources: [],
    progress: [],
    createdAt: '2026-11-01T09:00:00.000Z',
    closedAt: null,
    status: 'open',
    ...over,
  };
}

export function nudge(learnerName: string, over: Partial<NudgeView> = {}): NudgeView {
  const learnerId = learnerName.toLowerCase().replace(/\W+/g, '-');
  return {
    nudgeId: `n-${learnerId}`,
    teamId: TEAM_ID,
    learnerId,
    learnerName,
    leadId: 'alex-wilber',
    leadName: 'Alex Wilber',
    note: null,
    reason: null,
    flaggedSince: null,
    sentAt: '2026-11-27T09:00:00.000Z',
    delivered: true,
    reply: null,
    ...over,
  };
}
