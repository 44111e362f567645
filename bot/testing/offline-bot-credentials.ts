import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import type { ServiceClientCredentials } from 'botframework-connector';
import type { AppConfig } from '../config.js';
import { botCredentialSettings } from '../teams/channel-authentication.js';

/**
 * The bot's real app-id checks (which audiences are ours), with its own calls to the Bot Connector
 * signed by a fixed token instead of one from Entra ID, which tests cannot reach.
 */
export class OfflineBotCredentials extends ConfigurationServiceClientCredentialFactory {
  constructor(
    bot: AppConfig['bot'],
    readonly token = 'offline-test-token',
  ) {
    super(botCredentialSettings(bot));
  }

  override async createCredentials(): Promise<ServiceClientCredentials> {
    return {
      signRequest: async (request) => {
        request.headers.set('authorization', `Bearer ${this.token}`);
        return request;
      },
    };
  }
}
