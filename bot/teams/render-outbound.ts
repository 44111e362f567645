import type { AdaptiveCard } from '../cards/card-types.js';
import { askHowItWentCard } from '../cards/ask-how-it-went-card.js';
import { checkInCard } from '../cards/check-in-card.js';
import { coachingAnswerForLeadCard, coachingNoteCard } from '../cards/coaching-cards.js';
import { digestCard } from '../cards/digest-card.js';
import { introCard } from '../cards/intro-card.js';
import { leadNoticeCard } from '../cards/lead-notice-card.js';
import { myDataEraseFailedCard, myDataErasedCard } from '../cards/my-data-cards.js';
import { nudgeCard, nudgeReplyForLeadCard } from '../cards/nudge-cards.js';
import { followUpClosedForLearnerCard, followUpReminderCard } from '../cards/follow-up-cards.js';
import { behindReminderCard } from '../cards/behind-reminder-card.js';
import { reminderCard } from '../cards/reminder-card.js';
import { removedShareCard } from '../cards/removed-share-card.js';
import { shareCard } from '../cards/share-card.js';
import { shareHelpedCard } from '../cards/share-helped-card.js';
import { askToShareCard } from '../cards/share-prompt-card.js';
import { weeklyRoundupCard } from '../cards/weekly-roundup-card.js';
import type { BotTranslator } from '../i18n/bot-messages.js';
import type { CheckInAsk, OutboundMessage } from '../services/outbound-message.js';

/** The card that says a proactive message, in its reader's language. */
export function renderOutbound(message: OutboundMessage, t: BotTranslator): AdaptiveCard {
  switch (message.kind) {
    case 'check-in':
      return checkInCard(checkInModel(message), t);
    case 'reminder':
      return reminderCard(checkInModel(message), t);
    case 'intro':
      return introCard({ displayName: message.displayName, teamName: message.teamName ?? t.t('common.yourTeam') }, t);
    case 'lead-notice':
      return leadNoticeCard(
        { leadName: message.leadName, teamName: message.teamName ?? t.t('common.yourTeam'), joinedAt: message.joinedAt },
        t,
      );
    case 'ask-how-it-went':
      return askHowItWentCard(
        { leadName: message.leadName, teamName: message.teamName ?? t.t('common.yourTeam'), action: message.action },
        t,
      );
    case 'ask-to-share':
      return askToShareCard({ ...message, teamName: message.teamName ?? t.t('common.yourTeam') }, t);
    case 'nudge':
      return nudgeCard(message.nudge, message.teamName, t);
    case 'nudge-reply':
      return nudgeReplyForLeadCard(message.nudge, message.answer, message.teamName ?? t.t('common.yourTeam'), t);
    case 'follow-up-reminder':
      return followUpReminderCard(message, t);
    case 'behind-reminder':
      return behindReminderCard(message, t);
    case 'follow-up-closed':
      return followUpClosedForLearnerCard(message.followUp, message.teamName, t);
    case 'coaching-note':
      return coachingNoteCard(message.note, t);
    case 'coaching-answer':
      return coachingAnswerForLeadCard(message.learnerName ?? t.t('common.aMember'), message.note, message.answer, t);
    case 'digest':
      return digestCard(message.digest, t, { dashboardUrl: message.dashboardUrl });
    case 'weekly-roundup':
      return weeklyRoundupCard(message.roundup, t);
    case 'share':
      return shareCard({ share: message.share }, t);
    case 'share-removed':
      return removedShareCard(t);
    case 'share-helped':
      return shareHelpedCard({ what: message.what, helpful: message.helpful, teamName: message.teamName ?? t.t('common.yourTeam') }, t);
    case 'my-data-erased':
      return myDataErasedCard(t);
    case 'my-data-erase-failed':
      return myDataEraseFailedCard(t);
  }
}

function checkInModel({ cardId, cycle, shareWith, awaiting, goals, recommendations }: CheckInAsk) {
  return {
    cardId,
    cycle,
    share: { teams: shareWith },
    ...(awaiting ? { awaiting } : {}),
    ...(goals ? { goals: { goals } } : {}),
    ...(recommendations ? { recommendations: { items: recommendations } } : {}),
  };
}
