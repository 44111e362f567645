import type { LearningEntry } from '../contract/learning-entry.js';
import { SHARE_PARTS, type SharePart } from './share.js';

/** "Not now" this many times in a row and the learner is left alone for a while. */
export const NOT_NOW_LIMIT = 3;
/** How long the bot stops offering to share after the learner said "not now" NOT_NOW_LIMIT times. */
export const QUIET_DAYS = 30;
const DAY_MS = 86_400_000;

/** What the bot remembers of a learner's answers to its offers to share: kept on their profile. */
export interface SharePromptState {
  notNowInARow: number;
  /** Until when no offer is made; null when offers are made. */
  quietUntil: string | null;
}

export const FRESH_PROMPT_STATE: SharePromptState = { notNowInARow: 0, quietUntil: null };

/** An entry worth offering to share: rated 4 or 5 with an insight, or saved with a goal marked done. */
export function earnsSharePrompt(entry: Pick<LearningEntry, 'rating' | 'insight'>, goalDone: boolean): boolean {
  if (goalDone) return true;
  return entry.rating !== null && entry.rating >= 4 && Boolean(entry.insight?.trim());
}

/** Whether the bot may offer now: not while the learner asked for quiet. */
export function mayOfferShare(state: SharePromptState, now: Date): boolean {
  return state.quietUntil === null || Date.parse(state.quietUntil) <= now.getTime();
}

/** One more "not now": the third in a row starts QUIET_DAYS of quiet, and the count starts again after. */
export function afterNotNow(state: SharePromptState, now: Date): SharePromptState {
  // A "not now" once the quiet is over is the first of a new run.
  const before = mayOfferShare(state, now) && state.quietUntil !== null ? 0 : state.notNowInARow;
  const count = before + 1;
  if (count >= NOT_NOW_LIMIT) return { notNowInARow: 0, quietUntil: new Date(now.getTime() + QUIET_DAYS * DAY_MS).toISOString() };
  return { notNowInARow: count, quietUntil: null };
}

/** The parts of an entry there is something to share in, each offered ticked. */
export function sharablePartsOf(entry: Pick<LearningEntry, SharePart>): SharePart[] {
  return SHARE_PARTS.filter((p) => Boolean(entry[p]?.trim()));
}
