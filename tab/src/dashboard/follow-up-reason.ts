import type { MemberRowView } from '../api/dashboard-types.js';
import type { TabTranslator } from '../i18n/i18n-context.js';
import { teamEnglish } from '../i18n/team-messages.js';

/**
 * Why a member needs a follow-up, in the reader's language, from the reason the service gives as
 * data; an older service sends only its English sentence, which is shown as sent. The goal's name
 * is the learner's own words.
 */
export function followUpReasonText(
  member: Pick<MemberRowView, 'followUpReason' | 'followUpWhy'>,
  { t, plural }: Pick<TabTranslator, 't' | 'plural'> = teamEnglish,
): string | null {
  const why = member.followUpWhy;
  if (!why) return member.followUpReason;
  switch (why.kind) {
    case 'no-answer':
      return plural('followUp.noAnswer', why.count);
    case 'goal-overdue':
      return t('followUp.goalOverdue', { goal: why.goal });
    case 'goal-behind':
      return t('followUp.goalBehind', { goal: why.goal });
    case 'quiet':
      return plural('followUp.quiet', why.weeks);
    case 'quiet-since-joining':
      return plural('followUp.quietSinceJoining', why.weeks);
    default:
      // A kind this build does not know yet: the service's English still says it.
      return member.followUpReason;
  }
}
