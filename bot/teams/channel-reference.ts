import type { ConversationReference } from 'botbuilder';

/**
 * A team's stored reference (kept when the app was installed in the team) pointed at one of its
 * channels: the same service URL and bot, with the channel as the conversation.
 */
export function channelReference(stored: Partial<ConversationReference>, channelId: string): Partial<ConversationReference> {
  return {
    ...stored,
    conversation: {
      ...(stored.conversation ?? { isGroup: true, name: '' }),
      id: channelId,
      isGroup: true,
      conversationType: 'channel',
    } as ConversationReference['conversation'],
  };
}
