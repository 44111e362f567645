import type { AppConfig } from './config.js';
import { seedDemoData } from './demo/seed-demo-data.js';
import { seedDemoRoundup } from './demo/seed-demo-roundup.js';
import { seedDemoLeadFollowThrough } from './demo/seed-demo-follow-through.js';
import { createLogger } from './logger.js';
import { buildService } from './service.js';
import { ensureTables } from './store/table-clients.js';
import type { Telemetry } from './telemetry.js';

/** Well beyond the jobs' own bound on stopping (JOBS_STOP_GRACE_MS, then one transaction to hand the budget back). */
const SHUTDOWN_LIMIT_MS = 10_000;

/** Builds the service from its configuration, starts its jobs and listens until SIGTERM or SIGINT. */
export async function runService(config: AppConfig, telemetry: Telemetry): Promise<void> {
  const logger = createLogger(config.logLevel);
  await ensureTables(config.storage);
  const service = buildService(config, { logger });
  if (config.seedDemoData) {
    const seed = await seedDemoData({ stores: service.stores, rollups: service.rollups, now: new Date() });
    if (seed.seeded) logger.info(seed, 'empty store: added the demo team and its history');
    const roundupWeek = await seedDemoRoundup(service.stores, new Date());
    if (roundupWeek) logger.info({ week: roundupWeek }, 'the demo team’s weekly round-up posts once its team is opened in the Playground');
    await seedDemoLeadFollowThrough(service.stores, new Date());
  }
  const jobs = await service.startJobs();
  const server = service.app.listen(config.port, config.host, () => {
    logger.info({ host: config.host, port: config.port, mode: config.mode, telemetry: telemetry.enabled }, 'Learning Loop is listening');
  });
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // No new requests; those under way finish while the jobs stop.
    server.close();
    // Only for storage that never answers: the jobs bound their own wait (background-jobs.ts), so
    // they hand this instance's share of the send budget back and leave the fleet before the exit.
    setTimeout(() => process.exit(1), SHUTDOWN_LIMIT_MS).unref();
    void jobs
      .stop()
      .catch((error: unknown) => logger.error({ err: error }, 'the jobs did not stop cleanly'))
      .then(() => telemetry.flush())
      .finally(() => process.exit(0));
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}
