import type { Logger } from 'pino';
import type { CallerVerifier } from '../http/sso-token-verifier.js';
import type { Clock, IdFactory } from '../services/learner.js';
import type { LrsClient } from '../services/lrs-client.js';
import type { Messenger } from '../services/messenger.js';
import type { SharePublisher } from '../services/share-publisher.js';
import type { StorageObserver } from '../store/table-clients.js';
import type { BotCredentials } from '../teams/channel-authentication.js';

export interface ServiceOptions {
  logger: Logger;
  clock?: Clock;
  newId?: IdFactory;
  /** Replaces the Microsoft key set, for tests that sign their own SSO tokens. */
  verifyCaller?: CallerVerifier;
  /** The API rate limits' clock in ms (tests hold it still); the wall clock otherwise. */
  apiRateLimitClock?: () => number;
  /** Replaces the Teams adapter's proactive sends (tests, benchmarks). */
  messenger?: Messenger;
  instanceId?: string;
  /** Told of every Table Storage request, for benchmarks that count them. */
  observeStorage?: StorageObserver;
  /** Replaces posting share cards to channels through the Teams adapter (tests). */
  sharePublisher?: SharePublisher;
  /**
   * Replaces the bot's credentials for its calls to the Bot Connector (tests: Entra ID is out of
   * reach). It also says which app ids are ours, so a double must keep that check real.
   */
  botCredentials?: BotCredentials;
  /** Replaces the HTTP client that posts statements to an LRS (tests). */
  lrsClient?: LrsClient;
  /** Teams (and leads) per page of the L&D report's tables (tests: a few, to page a small organisation). */
  reportPageSize?: number;
  /** Teams per chunk of the organisation figures job (tests: a few, to checkpoint a small organisation). */
  teamsPerChunk?: number;
  /** Tunes the xAPI sender (tests: small batches, quick retries). */
  xapiSender?: { batchSize?: number; maxAttempts?: number; retryBaseMs?: number };
}
