import type { AdaptiveCard } from '../cards/card-types.js';

/** Where a share's card lives in Teams. */
export interface ChannelPost {
  tenantId: string;
  teamId: string;
  channelId: string;
}

/** Posts and updates cards in a team's channels, and messages a person; the Teams adapter implements it. */
export interface SharePublisher {
  /** Posts a new card to the channel; the message id, or undefined when it could not be posted. */
  post(target: ChannelPost, card: AdaptiveCard): Promise<string | undefined>;
  /** Replaces a posted card for everyone in the channel; false when it could not. */
  update(target: ChannelPost & { activityId: string }, card: AdaptiveCard): Promise<boolean>;
  /** A card in the person's personal chat with the app; false when there is no way to reach them. */
  tellPerson(tenantId: string, userId: string, card: AdaptiveCard): Promise<boolean>;
}
