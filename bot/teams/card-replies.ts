import { CardFactory, MessageFactory, type AdaptiveCardInvokeResponse } from 'botbuilder';
import type { AdaptiveCard } from '../cards/card-types.js';

/** Universal Actions: answering with a card replaces the card in place for the person who acted. */
export function cardResponse(card: AdaptiveCard): AdaptiveCardInvokeResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card as unknown as Record<string, unknown> };
}

/** A message carrying one Adaptive Card. */
export function cardMessage(card: AdaptiveCard) {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}
