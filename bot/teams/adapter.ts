import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  MessageFactory,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from 'pino';
import type { AppConfig } from '../config.js';

/**
 * The Bot Framework adapter. With an app id it validates every request's Bot Framework JWT;
 * without one (local mode only, bound to loopback) it accepts the local Teams client's requests.
 */
export function createAdapter(bot: AppConfig['bot'], logger: Logger): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: bot.appId ?? '',
    MicrosoftAppPassword: bot.appPassword ?? '',
    MicrosoftAppType: bot.appId ? bot.appType : '',
    MicrosoftAppTenantId: bot.appTenantId ?? '',
  });
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error({ err: error, activityType: context.activity.type, name: context.activity.name }, 'unhandled error in a bot turn');
    if (context.activity.type === 'message') {
      try {
        await context.sendActivity(
          MessageFactory.text('Sorry — something went wrong on our side. Please try that again in a moment.'),
        );
      } catch (sendError) {
        logger.error({ err: sendError }, 'could not tell the user about the error');
      }
    }
  };
  return adapter;
}
