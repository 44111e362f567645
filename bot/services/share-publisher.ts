import type { OutboundMessage } from './outbound-message.js';

/** Where a share's card lives in Teams. */
export interface ChannelPost {
  tenantId: string;
  teamId: string;
  channelId: string;
}

/** A message to one person, in their personal chat with the app, in the language Teams last reported for them. */
export interface PersonalChat {
  /** False when there is no way to reach them yet. */
  tellPerson(tenantId: string, userId: string, message: OutboundMessage): Promise<boolean>;
}

/**
 * Posts and updates messages in a team's channels, and messages a person; the Teams adapter implements it.
 * A channel's messages are in the team's language (see TeamSettings.locale): everyone there reads one copy.
 */
export interface SharePublisher extends PersonalChat {
  /** Posts a new message to the channel; the message id, or undefined when it could not be posted. */
  post(target: ChannelPost, message: OutboundMessage): Promise<string | undefined>;
  /** Replaces a posted message for everyone in the channel; false when it could not. */
  update(target: ChannelPost & { activityId: string }, message: OutboundMessage): Promise<boolean>;
}
