import type { CloudAdapter } from 'botbuilder';
import { APP_SENDS_PER_SECOND } from '../jobs/background-jobs.js';
import { FleetSendBudget } from '../services/fleet-send-budget.js';
import type { Messenger } from '../services/messenger.js';
import { OutboundPacer } from '../services/outbound-pacer.js';
import type { SharePublisher } from '../services/share-publisher.js';
import { SendBudgetStore } from '../store/send-budget-store.js';
import { createAdapter } from '../teams/adapter.js';
import { TeamsMessenger } from '../teams/teams-messenger.js';
import { TeamsRequests } from '../teams/teams-requests.js';
import { TeamsSharePublisher } from '../teams/teams-share-publisher.js';
import type { ServiceBasics } from './service-basics.js';
import type { ServiceOptions } from './service-options.js';

/** How the service reaches Teams: every request through one pacer, held to this instance's share of the fleet's budget. */
export interface TeamsSide {
  budgetStore: SendBudgetStore;
  budget: FleetSendBudget;
  pacer: OutboundPacer;
  adapter: CloudAdapter;
  messenger: Messenger;
  publisher: SharePublisher;
}

export function teamsSide({ config, stores, tables, instanceId, logger }: ServiceBasics, options: ServiceOptions): TeamsSide {
  // This instance's share of each tenant's budget, leased in Table Storage beside every other instance's.
  const budgetStore = new SendBudgetStore(tables.leases);
  const budget = new FleetSendBudget({
    store: budgetStore,
    instanceId,
    logger,
    perTenantPerSecond: APP_SENDS_PER_SECOND,
  });
  const pacer = new OutboundPacer({ budget });
  const adapter = createAdapter(config.bot, logger, options.botCredentials, pacer);
  const requests = new TeamsRequests(adapter, config.bot.appId ?? '');
  const messenger = options.messenger ?? new TeamsMessenger(requests);
  const publisher =
    options.sharePublisher ??
    new TeamsSharePublisher({
      requests,
      conversations: stores.conversations,
      users: stores.users,
      teams: stores.teams,
      messenger,
      logger,
    });
  return { budgetStore, budget, pacer, adapter, messenger, publisher };
}
