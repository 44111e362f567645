/** Where the tab asks about the caller's own learning goals: GET lists them, POST adds one. */
export const GOALS_PATH = '/api/v1/me/goals';
