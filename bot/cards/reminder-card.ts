import type { AdaptiveCard } from './card-types.js';
import { checkInCard } from './check-in-card.js';

/** The one reminder a learner gets: the same check-in, answerable right there. */
export function reminderCard({ cardId, cycle }: { cardId: string; cycle: string }): AdaptiveCard {
  return checkInCard({ cardId, cycle, reminder: true });
}
