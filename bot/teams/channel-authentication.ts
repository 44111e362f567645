import { CallerIdConstants, ConfigurationBotFrameworkAuthentication, StatusCodes, type Activity } from 'botbuilder';
import {
  AuthenticationConstants,
  AuthenticationError,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorFactory,
  type ServiceClientCredentialsFactory,
} from 'botframework-connector';
import type { AppConfig } from '../config.js';

/** Decides which app ids are ours and signs the bot's own calls to the Bot Connector. */
export type BotCredentials = ServiceClientCredentialsFactory;

/** The bot identity in botbuilder's configuration names. */
export function botCredentialSettings(bot: AppConfig['bot']) {
  return {
    MicrosoftAppId: bot.appId ?? '',
    MicrosoftAppPassword: bot.appPassword ?? '',
    MicrosoftAppType: bot.appId ? bot.appType : '',
    MicrosoftAppTenantId: bot.appTenantId ?? '',
  };
}

/**
 * botbuilder reads any one of these settings as a whole custom cloud and leaves the others empty
 * (then no issuer is accepted and there is no login URL), so a keys URL of our own comes with the
 * public cloud's values for the rest.
 */
function channelSettings(openIdMetadataUrl: string | undefined) {
  if (!openIdMetadataUrl) return {};
  return {
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

/**
 * Checks every activity's Bot Framework token when an app id is configured. botbuilder answers a
 * token whose signature does not verify, or that is not valid yet, with a 500 (jsonwebtoken's errors
 * are not its AuthenticationError): the caller is at fault, and a 500 invites the sender to retry,
 * so those become a 401 like every other rejected token.
 */
export class ChannelAuthentication extends ConfigurationBotFrameworkAuthentication {
  /**
   * `readyProactiveClient` is given every connector client made for a call outside a turn
   * (botbuilder asks for those, and only those, through `createConnectorFactory`).
   */
  constructor(
    bot: AppConfig['bot'],
    credentials?: BotCredentials,
    private readonly readyProactiveClient?: (client: unknown) => void,
  ) {
    super({ ...botCredentialSettings(bot), ...channelSettings(bot.openIdMetadataUrl) }, credentials);
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    const factory = super.createConnectorFactory(claimsIdentity);
    const ready = this.readyProactiveClient;
    if (!ready) return factory;
    return {
      async create(serviceUrl: string, audience?: string) {
        const client = await factory.create(serviceUrl, audience);
        ready(client);
        return client;
      },
    };
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (error) {
      throw isRejectedToken(error) ? new AuthenticationError(error.message, StatusCodes.UNAUTHORIZED) : error;
    }
  }
}

function isRejectedToken(error: unknown): error is Error {
  return error instanceof Error && (error.name === 'JsonWebTokenError' || error.name === 'NotBeforeError');
}
