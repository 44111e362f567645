import type { AdaptiveCard } from '../cards/card-types.js';

/** Where a share's card lives in Teams. */
export interface ChannelPost {
  tenantId: string;
  teamId: string;
  channelId: string;
}

/** A card to one person, in their personal chat with the app. */
export interface PersonalChat {
  /** False when there is no way to reach them yet. */
  tellPerson(tenantId: string, userId: string, card: AdaptiveCard): Promise<boolean>;
}

/** Posts and updates cards in a team's channels, and messages a person; the Teams adapter implements it. */
export interface SharePublisher extends PersonalChat {
  /** Posts a new card to the channel; the message id, or undefined when it could not be posted. */
  post(target: ChannelPost, card: AdaptiveCard): Promise<string | undefined>;
  /** Replaces a posted card for everyone in the channel; false when it could not. */
  update(target: ChannelPost & { activityId: string }, card: AdaptiveCard): Promise<boolean>;
}
