import type { ConversationReference, TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { Messenger } from '../services/messenger.js';
import type { OutboundMessage } from '../services/outbound-message.js';
import type { ChannelPost, SharePublisher } from '../services/share-publisher.js';
import type { ConversationStore } from '../store/conversation-store.js';
import type { UserStore } from '../store/user-store.js';
import type { TeamStore } from '../store/team-store.js';
import { botTranslator } from '../i18n/bot-messages.js';
import { cardMessage } from './card-replies.js';
import { channelReference } from './channel-reference.js';
import { renderOutbound } from './render-outbound.js';
import type { TeamsRequests } from './teams-requests.js';

/**
 * Posts share cards to a team's channel through the reference kept when the app was installed
 * in the team: the same service URL and bot, with the chosen channel as the conversation.
 */
export class TeamsSharePublisher implements SharePublisher {
  constructor(
    private readonly deps: {
      requests: TeamsRequests;
      conversations: ConversationStore;
      users: UserStore;
      teams: TeamStore;
      messenger: Messenger;
      logger: Logger;
    },
  ) {}

  async post(target: ChannelPost, message: OutboundMessage): Promise<string | undefined> {
    let activityId: string | undefined;
    const built = renderOutbound(message, await this.teamLanguage(target));
    await this.inChannel(target, async (context) => {
      activityId = (await context.sendActivity(cardMessage(built)))?.id;
    });
    return activityId;
  }

  async update(target: ChannelPost & { activityId: string }, message: OutboundMessage): Promise<boolean> {
    let done = false;
    const built = renderOutbound(message, await this.teamLanguage(target));
    await this.inChannel(target, async (context) => {
      await context.updateActivity({ ...cardMessage(built), id: target.activityId });
      done = true;
    });
    return done;
  }

  async tellPerson(tenantId: string, userId: string, message: OutboundMessage): Promise<boolean> {
    const personal = (await this.deps.conversations.listFor(tenantId, 'personal', userId))[0];
    if (!personal) return false;
    const profile = await this.deps.users.get(tenantId, userId);
    const outcome = await this.deps.messenger.send(
      { tenantId, userId, teamsUserId: '', serviceUrl: personal.serviceUrl, reference: personal.reference, locale: profile?.locale },
      message,
    );
    return outcome.kind === 'sent';
  }

  private async teamLanguage(target: ChannelPost) {
    return botTranslator((await this.deps.teams.getSettings(target.tenantId, target.teamId))?.locale);
  }

  private async inChannel(target: ChannelPost, work: (context: TurnContext) => Promise<void>): Promise<void> {
    const team = (await this.deps.conversations.listFor(target.tenantId, 'channel', target.teamId))[0];
    if (!team) {
      this.deps.logger.warn({ teamId: target.teamId }, 'no conversation is known for the team; the share card was not posted');
      return;
    }
    const reference = channelReference(JSON.parse(team.reference) as Partial<ConversationReference>, target.channelId);
    await this.deps.requests.inConversation(target.tenantId, reference, work);
  }
}
