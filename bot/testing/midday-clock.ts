import type { Clock } from '../services/learner.js';

/**
 * A clock that reads noon UTC today when made and then runs at the real pace, for tests whose
 * outcome depends on "today" (a sharer is told once a day) but that cannot stop time: a run that
 * crosses midnight would otherwise see two days.
 */
export function middayClock(realNow: () => number = Date.now): Clock {
  const made = realNow();
  const noon = new Date(made);
  noon.setUTCHours(12, 0, 0, 0);
  const shift = made - noon.getTime();
  return () => new Date(realNow() - shift);
}
