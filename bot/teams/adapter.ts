import { CloudAdapter, MessageFactory, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { AppConfig } from '../config.js';
import { ChannelAuthentication, type BotCredentials } from './channel-authentication.js';
import { botTranslator } from '../i18n/bot-messages.js';
import type { OutboundPacer } from '../services/outbound-pacer.js';
import { pacedProactiveClients } from './teams-requests.js';

/**
 * The Bot Framework adapter. With an app id it validates every request's Bot Framework JWT;
 * without one (local mode only, bound to loopback) it accepts the local Teams client's requests.
 * `credentials` replaces how the bot gets its own tokens (tests, where Entra ID is out of reach).
 * Every request it makes outside a turn waits for `pacer` (see TeamsRequests).
 */
export function createAdapter(
  bot: AppConfig['bot'],
  logger: Logger,
  credentials: BotCredentials | undefined,
  pacer: OutboundPacer,
): CloudAdapter {
  const adapter = new CloudAdapter(new ChannelAuthentication(bot, credentials, pacedProactiveClients(pacer)));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ err: error, activityType: context.activity.type, name: context.activity.name }, 'unhandled error in a bot turn');
    if (context.activity.type === 'message') {
      try {
        await context.sendActivity(MessageFactory.text(botTranslator(context.activity.locale).t('error.turn')));
      } catch (sendError) {
        logger.error({ err: sendError }, 'could not tell the user about the error');
      }
    }
  };
  return adapter;
}
