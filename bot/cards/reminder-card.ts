import type { BotTranslator } from '../i18n/bot-messages.js';
import type { AdaptiveCard } from './card-types.js';
import { checkInCard, type CheckInCardModel } from './check-in-card.js';

/** The one reminder a learner gets: the same check-in, answerable right there. */
export function reminderCard(
  model: Pick<CheckInCardModel, 'cardId' | 'cycle' | 'awaiting' | 'share' | 'goals' | 'recommendations'>,
  t: BotTranslator,
): AdaptiveCard {
  return checkInCard({ ...model, reminder: true }, t);
}
