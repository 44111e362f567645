import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import type { Logger } from 'pino';
import type { AppConfig } from './config.js';
import { DEMO_TENANT_ID } from './demo/demo-team.js';
import { createHttpApp } from './http/create-http-app.js';
import type { IdentityMode } from './http/caller-identity.js';
import { ssoTokenVerifier, type CallerVerifier } from './http/sso-token-verifier.js';
import { CheckInService } from './services/check-in-service.js';
import { LearningLogService } from './services/learning-log-service.js';
import type { Clock, IdFactory } from './services/learner.js';
import { PeopleService } from './services/people-service.js';
import { ConversationStore } from './store/conversation-store.js';
import { EntryStore } from './store/entry-store.js';
import { tableClients } from './store/table-clients.js';
import { UserStore } from './store/user-store.js';
import { createAdapter } from './teams/adapter.js';
import { cardMessage } from './teams/card-replies.js';
import { LearningLoopBot } from './teams/learning-loop-bot.js';
import { TeamFlows } from './teams/team-flows.js';
import { TeamService } from './services/team-service.js';
import { TeamStore } from './store/team-store.js';

export interface ServiceOptions {
  logger: Logger;
  clock?: Clock;
  newId?: IdFactory;
  /** Replaces the Microsoft key set, for tests that sign their own SSO tokens. */
  verifyCaller?: CallerVerifier;
}

export interface Service {
  app: Express;
  stores: { entries: EntryStore; users: UserStore; conversations: ConversationStore; teams: TeamStore };
}

/** Wires the one service: stores → services → Teams handler and HTTP API. */
export function buildService(config: AppConfig, options: ServiceOptions): Service {
  const clock = options.clock ?? (() => new Date());
  const newId = options.newId ?? randomUUID;
  const tables = tableClients(config.storage);
  const stores = {
    entries: new EntryStore(tables.entries),
    users: new UserStore(tables.users),
    conversations: new ConversationStore(tables.conversations),
    teams: new TeamStore(tables.teams, tables.memberships),
  };
  const people = new PeopleService({ users: stores.users, conversations: stores.conversations, clock });
  const checkIns = new CheckInService({ entries: stores.entries, clock, newId });
  const learningLog = new LearningLogService(stores.entries);

  const identity: IdentityMode = config.acceptDemoIdentities
    ? { kind: 'local', displayNameOf: async (learner) => (await people.profile(learner))?.displayName }
    : { kind: 'sso', verify: options.verifyCaller ?? ssoTokenVerifier({ clientId: config.ssoClientId ?? '' }) };

  const teamService = new TeamService({ teams: stores.teams, clock });
  const teamFlows = new TeamFlows({
    teams: teamService,
    logger: options.logger,
    sendCard: async (context, card) => {
      await context.sendActivity(cardMessage(card));
    },
  });
  const bot = new LearningLoopBot({ checkIns, people, teamFlows, logger: options.logger });
  const adapter = createAdapter(config.bot, options.logger);
  const app = createHttpApp({
    adapter,
    bot,
    api: { identity, learningLog, people, ...(config.acceptDemoIdentities ? { localTenantIds: [DEMO_TENANT_ID] } : {}) },
    tabDistDir: config.tabDistDir,
    mode: config.mode,
    logger: options.logger,
  });
  return { app, stores };
}
