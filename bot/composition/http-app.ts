import type { CloudAdapter } from 'botbuilder';
import type { Express } from 'express';
import { DEMO_TENANT_ID } from '../demo/demo-team.js';
import type { IdentityMode } from '../http/caller-identity.js';
import { createHttpApp } from '../http/create-http-app.js';
import { ssoTokenVerifier } from '../http/sso-token-verifier.js';
import type { LearningLoopBot } from '../teams/learning-loop-bot.js';
import type { ServiceBasics } from './service-basics.js';
import type { ServiceOptions } from './service-options.js';
import type { AllServices } from './services.js';

/** The express app: the bot's endpoint, the tab's API under the caller's identity, and the static tab. */
export function httpApp(
  { config, logger }: ServiceBasics,
  options: ServiceOptions,
  services: AllServices,
  { adapter, bot }: { adapter: CloudAdapter; bot: LearningLoopBot },
): Express {
  const identity: IdentityMode = config.acceptDemoIdentities
    ? { kind: 'local', displayNameOf: async (learner) => (await services.people.profile(learner))?.displayName }
    : {
        kind: 'sso',
        verify: options.verifyCaller ?? ssoTokenVerifier({ clientId: config.ssoClientId ?? '', allowedTenantIds: config.allowedTenantIds }),
      };
  return createHttpApp({
    adapter,
    bot,
    api: {
      identity,
      // Each route group takes the services it names.
      ...services,
      ...(config.acceptDemoIdentities ? { localTenantIds: [DEMO_TENANT_ID] } : {}),
    },
    tabDistDir: config.tabDistDir,
    apiRateLimitPerMinute: config.apiRateLimitPerMinute,
    now: options.apiRateLimitClock ?? Date.now,
    mode: config.mode,
    logger,
  });
}
