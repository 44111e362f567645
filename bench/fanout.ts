import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { azuriteConnectionString } from '../bot/config.js';
import type { StorageConfig } from '../bot/config.js';
import { ensureTables } from '../bot/store/table-clients.js';
import { DUE_TENANT_ID, fileDueLearners } from '../bot/testing/due-learners.js';
import type { RecordedRequest } from '../tests/support/teams-connector/connector-model.js';
import { startTeamsConnector } from '../tests/support/teams-connector/teams-connector.js';
import { PRODUCTION_NODE_OPTIONS, PRODUCTION_PROCESS_ENV } from './support/production-node-options.js';
import { rssKb, round } from './support/process-figures.js';

export interface FanoutResult {
  learners: number;
  delivered: number;
  duplicates: number;
  lost: number;
  wallSeconds: number;
  achievedRps: number;
  limitRps: number;
  ratioToLimit: number;
  /** Every attempt counts against Teams' limit, refused or not: the rate the limiter keeps. */
  requestRps: number;
  requestRatioToLimit: number;
  peakRssMb: number;
  crashedAtDelivered?: number;
  connectorRequests: number;
  /** Most requests the tenant was certainly sent in any one-second window (sliding); Teams allows 50. */
  maxRequestsInOneSecond: number;
  /** The same by the connector's stamps, which its own late loop can only bunch: an upper bound. */
  maxRequestsInOneSecondAsStamped: number;
  /** Requests that arrived with one of a conversation's four limits used up. */
  conversationViolations: number;
  /** 429s answered because a limit was exceeded (the pacer's misses). */
  throttledOverLimit: number;
  injected429: number;
  injected5xx: number;
}

const LIMIT_RPS = 50;
// The compiled service, as production runs it (npm run build:service), not the TypeScript loader.
const workerScript = fileURLToPath(new URL('../dist/bot/jobs/jobs-process.js', import.meta.url));

/**
 * 2,000 learners due in the same minute, delivered through the Teams connector stand-in: Teams'
 * app and conversation limits over every request, answers in 100–400 ms, 1 % 5xx. With `crash`,
 * the worker process is killed with SIGKILL half-way and a new one started.
 */
export async function runFanout(options: {
  azurite: { tablePort: number; queuePort: number };
  learners: number;
  crash: boolean;
}): Promise<FanoutResult> {
  const connector = await startTeamsConnector({
    latencyMs: [100, 400],
    failures: { serverErrorRate: 0.01 },
    defaultTenantId: DUE_TENANT_ID,
  });
  const connectionString = azuriteConnectionString('127.0.0.1', options.azurite.tablePort, options.azurite.queuePort);
  const storage: StorageConfig = { kind: 'connectionString', connectionString, tablePrefix: `bench${Date.now().toString(36)}` };
  await ensureTables(storage);
  await fileDueLearners(storage, connector.serviceUrl, options.learners);

  let peakRssKb = 0;
  const start = (n: number): ChildProcess =>
    fork(workerScript, [], {
      execArgv: [...PRODUCTION_NODE_OPTIONS],
      env: {
        ...process.env,
        ...PRODUCTION_PROCESS_ENV,
        STORAGE_CONNECTION_STRING: connectionString,
        TABLE_PREFIX: storage.tablePrefix,
        LEARNING_LOOP_MODE: 'local',
        LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent',
        INSTANCE_ID: `bench-${n}`,
        SCHEDULER_EVERY_MS: '1000',
      },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
  let child = start(1);
  const sampler = setInterval(() => (peakRssKb = Math.max(peakRssKb, rssKb(child.pid))), 250);
  const delivered = () => [...connector.stats.deliveries.values()].filter((n) => n > 0).length;

  let crashedAt: number | undefined;
  const deadline = Date.now() + 10 * 60_000;
  let lastProgress = Date.now();
  let lastCount = 0;
  while (Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    const count = delivered();
    if (count !== lastCount) {
      lastCount = count;
      lastProgress = Date.now();
    }
    if (options.crash && crashedAt === undefined && count >= options.learners / 2) {
      crashedAt = count;
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      child = start(2);
    }
    if (count >= options.learners) {
      // Everyone has one; wait a little longer so any duplicate still in flight is counted.
      await new Promise((r) => setTimeout(r, 3000));
      break;
    }
    if (Date.now() - lastProgress > 90_000) break;
  }
  clearInterval(sampler);
  child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 500));
  child.kill('SIGKILL');
  await connector.stop();

  const stats = connector.stats;
  console.log(`  accepted sends per second: ${acceptedPerSecond(connector.log, stats.firstDeliveryAt).join(' ')}`);
  const counts = [...stats.deliveries.values()];
  const wallSeconds = stats.firstDeliveryAt && stats.lastDeliveryAt ? (stats.lastDeliveryAt - stats.firstDeliveryAt) / 1000 : 0;
  const reached = counts.filter((n) => n > 0).length;
  const achievedRps = wallSeconds > 0 ? (reached - 1) / wallSeconds : 0;
  return {
    learners: options.learners,
    delivered: reached,
    duplicates: stats.duplicates,
    lost: options.learners - reached,
    wallSeconds: round(wallSeconds),
    achievedRps: round(achievedRps),
    limitRps: LIMIT_RPS,
    ratioToLimit: round(achievedRps / LIMIT_RPS, 3),
    requestRps: round(wallSeconds > 0 ? stats.requests / wallSeconds : 0),
    requestRatioToLimit: round(wallSeconds > 0 ? stats.requests / wallSeconds / LIMIT_RPS : 0, 3),
    peakRssMb: round(peakRssKb / 1024, 1),
    ...(crashedAt !== undefined ? { crashedAtDelivered: crashedAt } : {}),
    connectorRequests: stats.requests,
    maxRequestsInOneSecond: stats.maxRequestsInOneSecond,
    maxRequestsInOneSecondAsStamped: stats.maxRequestsInOneSecondAsStamped,
    conversationViolations: stats.conversationViolations,
    throttledOverLimit: stats.throttledOverLimit,
    injected429: stats.injected429,
    injected5xx: stats.injected5xx,
  };
}

/** Sends accepted in each whole second from the first: where a run was slow. */
function acceptedPerSecond(log: readonly RecordedRequest[], first: number | undefined): number[] {
  const perSecond: number[] = [];
  if (first === undefined) return perSecond;
  for (const r of log) {
    if (r.kind !== 'send' || r.reason !== 'accepted') continue;
    const second = Math.floor((r.at - first) / 1000);
    perSecond[second] = (perSecond[second] ?? 0) + 1;
  }
  return Array.from(perSecond, (n) => n ?? 0);
}
