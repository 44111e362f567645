import { NUDGE_ANSWER_LABELS, type NudgeView } from '../api/goal-types.js';

/** The words nudges are shown with, kept apart from the components so they can be tested alone. */

/** The learner's answer, e.g. "Replied: I need help", or that there is none yet. */
export function nudgeReplyText(reply: NudgeView['reply']): string {
  if (!reply) return 'No reply yet';
  // A newer service may send an answer this build does not know: say there was one.
  const label = (NUDGE_ANSWER_LABELS as Record<string, string | undefined>)[reply.answer];
  return label ? `Replied: ${label}` : 'Replied';
}

/** What sending did, for the live region: a nudge to someone the bot cannot reach yet is only recorded. */
export function nudgeSentText(name: string, delivered: boolean): string {
  return delivered
    ? `Nudge sent to ${name}`
    : `Nudge recorded; ${name} has not opened a chat with Learning Loop yet, so it could not be delivered`;
}

/** e.g. "3 nudges, newest first", the order the service lists them in. */
export function nudgesCountText(count: number): string {
  return `${count === 1 ? '1 nudge' : `${count} nudges`}, newest first`;
}

/** The service lists nudges newest first; a list that arrives otherwise is put in that order. */
export function newestSentFirst(nudges: readonly NudgeView[]): NudgeView[] {
  return [...nudges].sort((a, b) => (a.sentAt < b.sentAt ? 1 : a.sentAt > b.sentAt ? -1 : 0));
}
