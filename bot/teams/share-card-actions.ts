import { z } from 'zod';
import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import { SHARE_HELPFUL_VERB, SHARE_RATE_VERB, SHARE_REFRESH_VERB, SHARE_SAVE_VERB, shareCard } from '../cards/share-card.js';
import { errorCard } from '../cards/error-card.js';
import type { VoteChange } from '../domain/share.js';
import type { Learner } from '../services/learner.js';
import type { SharingService, VoteResult } from '../services/sharing-service.js';
import { cardResponse } from './card-replies.js';

export const SHARE_VERBS: readonly string[] = [SHARE_HELPFUL_VERB, SHARE_SAVE_VERB, SHARE_RATE_VERB, SHARE_REFRESH_VERB];

const shareRef = z.object({
  teamId: z.string().min(1).max(200).regex(/^[^\u0000-\u001f]*$/),
  shareId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/),
});
const ratingOf = z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.enum(['1', '2', '3', '4', '5']));

/**
 * Helpful, Rate, Save and refresh on a share card. The person who pressed gets the card with
 * their own marks; everyone else's copy is brought up to date by the service.
 */
export async function shareCardAction(sharing: SharingService, person: Learner, verb: string, data: unknown): Promise<AdaptiveCardInvokeResponse> {
  const ref = shareRef.safeParse(data);
  if (!ref.success) return cardResponse(errorCard('This share card is not one we recognise.'));
  const { teamId, shareId } = ref.data;
  if (verb === SHARE_REFRESH_VERB) {
    const found = await sharing.marksOf(person, teamId, shareId);
    if ('status' in found) return cardResponse(errorCard(found.status === 'not_found' ? 'This share no longer exists.' : 'Only members of this team can act on its shares.'));
    return cardResponse(shareCard(found));
  }
  let change: VoteChange;
  if (verb === SHARE_RATE_VERB) {
    const rating = ratingOf.safeParse((data as { rating?: unknown }).rating);
    if (!rating.success) {
      const found = await sharing.marksOf(person, teamId, shareId);
      if ('status' in found) return cardResponse(errorCard('Only members of this team can rate its shares.'));
      return cardResponse(shareCard({ ...found, notice: 'Choose a rating from 1 to 5, then press Rate.' }));
    }
    change = { kind: 'rate', rating: Number(rating.data) };
  } else change = { kind: 'toggle', field: verb === SHARE_HELPFUL_VERB ? 'helpful' : 'saved' };
  return cardResponse(cardFor(await sharing.vote(person, teamId, shareId, change)));
}

function cardFor(result: VoteResult) {
  switch (result.status) {
    case 'ok':
      return shareCard({ share: result.share, mine: result.mine });
    case 'own_share':
      return shareCard({ share: result.share, mine: result.mine, notice: 'This is your own share: others can mark it helpful.' });
    case 'withdrawn':
      return shareCard({ share: result.share });
    case 'not_member':
      return errorCard('Only members of this team can act on its shares.');
    case 'not_found':
      return errorCard('This share no longer exists.');
  }
}
