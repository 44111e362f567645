/**
 * The check-in's plain rules: how long each answer may be, the minutes a learner may log, what
 * counts as a link. A module of its own, without zod, so the tab's edit form applies the same
 * rules without shipping the validator.
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

/** How useful a resource was, on the check-in and on a share: 1 to 5. */
export const RATING_SCALE = { min: 1, max: 5 } as const;

/** A link must be a web address: http or https, with a host. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}
