import type { FollowUpWhy } from '../domain/dashboard-view.js';
import type { BotTranslator } from './bot-messages.js';

/** A follow-up's reason in the reader's language; the goal's name is the learner's words, as typed. */
export function followUpText(why: FollowUpWhy, t: BotTranslator, quote: (text: string) => string = (text) => text): string {
  switch (why.kind) {
    case 'no-answer':
      return t.plural('followUp.noAnswer', why.count);
    case 'goal-overdue':
      return t.t('followUp.goalOverdue', { goal: quote(why.goal) });
    case 'goal-behind':
      return t.t('followUp.goalBehind', { goal: quote(why.goal) });
    case 'quiet':
      return t.plural('followUp.quiet', why.weeks);
    case 'quiet-since-joining':
      return t.plural('followUp.quietSinceJoining', why.weeks);
  }
}
