import { z } from 'zod';
import { SHARE_HELPFUL_VERB, SHARE_RATE_VERB, SHARE_REFRESH_VERB, SHARE_SAVE_VERB, shareCard } from '../cards/share-card.js';
import { errorCard } from '../cards/error-card.js';
import type { VoteChange } from '../domain/share.js';
import { cardAction, type CardActionContext, type CardActionRoute } from './card-action-route.js';
import type { SharingService, VoteResult } from '../services/sharing-service.js';
import { cardResponse } from './card-replies.js';
import type { BotTranslator } from '../i18n/bot-messages.js';
import { teamIdSchema } from '../domain/ids.js';
import { RATING_SCALE } from '../contract/check-in-rules.js';

const shareRef = z.object({
  teamId: teamIdSchema,
  shareId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/),
});
const ratingOf = z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.enum(['1', '2', '3', '4', '5']));

const rateSchema = shareRef.extend({ rating: z.unknown() });

/**
 * Helpful, Rate, Save and refresh on a share card. The person who pressed gets the card with
 * their own marks; everyone else's copy is brought up to date by the service.
 */
export function shareCardActions(sharing: SharingService): CardActionRoute[] {
  const refused = (_raw: unknown, { t }: CardActionContext) => cardResponse(errorCard(t.t('share.error.unknownCard'), t));
  const toggle = (verb: string, field: 'helpful' | 'saved') =>
    cardAction({
      verb,
      schema: shareRef,
      refused,
      handle: async ({ teamId, shareId }, { sender, t }) =>
        cardResponse(cardFor(await sharing.vote(sender, teamId, shareId, { kind: 'toggle', field }), t)),
    });
  const rate = cardAction({
    verb: SHARE_RATE_VERB,
    schema: rateSchema,
    refused,
    async handle({ teamId, shareId, rating: raw }, { sender, t }) {
      const rating = ratingOf.safeParse(raw);
      if (!rating.success) {
        const found = await sharing.marksOf(sender, teamId, shareId);
        if ('status' in found) return cardResponse(errorCard(t.t('share.error.notMemberRate'), t));
        return cardResponse(shareCard({ ...found, notice: t.t('share.notice.chooseRating', RATING_SCALE) }, t));
      }
      const change: VoteChange = { kind: 'rate', rating: Number(rating.data) };
      return cardResponse(cardFor(await sharing.vote(sender, teamId, shareId, change), t));
    },
  });
  const refresh = cardAction({
    verb: SHARE_REFRESH_VERB,
    schema: shareRef,
    refused,
    async handle({ teamId, shareId }, { sender, t }) {
      const found = await sharing.marksOf(sender, teamId, shareId);
      if ('status' in found)
        return cardResponse(errorCard(t.t(found.status === 'not_found' ? 'share.error.gone' : 'share.error.notMember'), t));
      return cardResponse(shareCard(found, t));
    },
  });
  return [toggle(SHARE_HELPFUL_VERB, 'helpful'), toggle(SHARE_SAVE_VERB, 'saved'), rate, refresh] as CardActionRoute[];
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
    case 'unsaved':
    case 'not_found':
      return errorCard(t.t('share.error.gone'), t);
  }
}
