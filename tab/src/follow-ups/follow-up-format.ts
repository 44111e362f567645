import type { NudgeView } from '../api/goal-types.js';
import type { MessageKey } from '../i18n/catalog.js';
import type { TabTranslator } from '../i18n/i18n-context.js';
import { teamEnglish } from '../i18n/team-messages.js';

const ANSWER_KEYS: Record<string, MessageKey | undefined> = {
  'on-it': 'nudge.answerOnIt',
  'need-help': 'nudge.answerNeedHelp',
  'lets-talk': 'nudge.answerLetsTalk',
};

/** The words nudges are shown with, kept apart from the components so they can be tested alone. */

/** The learner's answer, e.g. "Replied: I need help", or that there is none yet. */
export function nudgeReplyText(reply: NudgeView['reply'], { t }: Pick<TabTranslator, 't'> = teamEnglish): string {
  if (!reply) return t('nudge.noReply');
  // A newer service may send an answer this build does not know: say there was one.
  const label = ANSWER_KEYS[reply.answer];
  return label ? t('nudge.repliedWith', { answer: t(label) }) : t('nudge.replied');
}

/** What sending did, for the live region: a nudge to someone the bot cannot reach yet is only recorded. */
export function nudgeSentText(name: string, delivered: boolean, { t }: Pick<TabTranslator, 't'> = teamEnglish): string {
  return delivered ? t('nudge.sent', { name }) : t('nudge.recorded', { name });
}

/** e.g. "3 nudges, newest first", the order the service lists them in. */
export function nudgesCountText(count: number, { plural }: Pick<TabTranslator, 'plural'> = teamEnglish): string {
  return plural('nudge.count', count);
}

/** The service lists nudges newest first; a list that arrives otherwise is put in that order. */
export function newestSentFirst(nudges: readonly NudgeView[]): NudgeView[] {
  return [...nudges].sort((a, b) => (a.sentAt < b.sentAt ? 1 : a.sentAt > b.sentAt ? -1 : 0));
}
