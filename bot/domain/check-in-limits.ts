/**
 * How long each check-in answer may be, and the minutes a learner may log. A module of its own,
 * without zod, so the tab's edit form can enforce the same limits without shipping the validator.
 */
export const CHECK_IN_LIMITS = {
  what: 200,
  link: 2048,
  insight: 1000,
  action: 500,
  result: 500,
  minutesMin: 1,
  minutesMax: 1440,
} as const;
