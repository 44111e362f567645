import { z } from 'zod';
import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import { SHARE_HELPFUL_VERB, SHARE_RATE_VERB, SHARE_REFRESH_VERB, SHARE_SAVE_VERB, shareCard } from '../cards/share-card.js';
import { errorCard } from '../cards/error-card.js';
import type { VoteChange } from '../domain/share.js';
import type { Learner } from '../services/learner.js';
import type { SharingService, VoteResult } from '../services/sharing-service.js';
import { cardResponse } from './card-replies.js';
import type { BotTranslator } from '../i18n/bot-messages.js';

export const SHARE_VERBS: readonly string[] = [SHARE_HELPFUL_VERB, SHARE_SAVE_VERB, SHARE_RATE_VERB, SHARE_REFRESH_VERB];

const shareRef = z.object({
  teamId: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[^\u0000-\u001f]*$/),
  shareId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/),
});
const ratingOf = z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.enum(['1', '2', '3', '4', '5']));

/**
 * Helpful, Rate, Save and refresh on a share card. The person who pressed gets the card with
 * their own marks; everyone else's copy is brought up to date by the service.
 */
export async function shareCardAction(
  sharing: SharingService,
  person: Learner,
  verb: string,
  data: unknown,
  t: BotTranslator,
): Promise<AdaptiveCardInvokeResponse> {
  const ref = shareRef.safeParse(data);
  if (!ref.success) return cardResponse(errorCard(t.t('share.error.unknownCard'), t));
  const { teamId, shareId } = ref.data;
  if (verb === SHARE_REFRESH_VERB) {
    const found = await sharing.marksOf(person, teamId, shareId);
    if ('status' in found)
      return cardResponse(errorCard(t.t(found.status === 'not_found' ? 'share.error.gone' : 'share.error.notMember'), t));
    return cardResponse(shareCard(found, t));
  }
  let change: VoteChange;
  if (verb === SHARE_RATE_VERB) {
    const rating = ratingOf.safeParse((data as { rating?: unknown }).rating);
    if (!rating.success) {
      const found = await sharing.marksOf(person, teamId, shareId);
      if ('status' in found) return cardResponse(errorCard(t.t('share.error.notMemberRate'), t));
      return cardResponse(shareCard({ ...found, notice: t.t('share.notice.chooseRating') }, t));
    }
    change = { kind: 'rate', rating: Number(rating.data) };
  } else change = { kind: 'toggle', field: verb === SHARE_HELPFUL_VERB ? 'helpful' : 'saved' };
  return cardResponse(cardFor(await sharing.vote(person, teamId, shareId, change), t));
}

function cardFor(result: VoteResult, t: BotTranslator) {
  switch (result.status) {
    case 'ok':
      return shareCard({ share: result.share, mine: result.mine }, t);
    case 'own_share':
      return shareCard({ share: result.share, mine: result.mine, notice: t.t('share.notice.ownShare') }, t);
    case 'withdrawn':
      return shareCard({ share: result.share }, t);
    case 'not_member':
      return errorCard(t.t('share.error.notMember'), t);
    case 'not_found':
      return errorCard(t.t('share.error.gone'), t);
  }
}
