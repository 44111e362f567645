import type { AdaptiveCard } from '../cards/card-types.js';
import type { BotTranslator } from '../i18n/bot-messages.js';

/** Where a share's card lives in Teams. */
export interface ChannelPost {
  tenantId: string;
  teamId: string;
  channelId: string;
}

/** A card built for its reader: given their language, it says everything in it. */
export type CardFor = (t: BotTranslator) => AdaptiveCard;

/** A card to one person, in their personal chat with the app, in the language Teams last reported for them. */
export interface PersonalChat {
  /** False when there is no way to reach them yet. */
  tellPerson(tenantId: string, userId: string, card: CardFor): Promise<boolean>;
}

/**
 * Posts and updates cards in a team's channels, and messages a person; the Teams adapter implements it.
 * A channel's cards are in the team's language (see TeamSettings.locale): everyone there reads one copy.
 */
export interface SharePublisher extends PersonalChat {
  /** Posts a new card to the channel; the message id, or undefined when it could not be posted. */
  post(target: ChannelPost, card: CardFor): Promise<string | undefined>;
  /** Replaces a posted card for everyone in the channel; false when it could not. */
  update(target: ChannelPost & { activityId: string }, card: CardFor): Promise<boolean>;
}
