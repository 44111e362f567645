import type { AppConfig } from './config.js';
import { seedDemoData } from './demo/seed-demo-data.js';
import { createLogger } from './logger.js';
import { buildService } from './service.js';
import { ensureTables } from './store/table-clients.js';
import type { Telemetry } from './telemetry.js';

/** Builds the service from its configuration, starts its jobs and listens until SIGTERM or SIGINT. */
export async function runService(config: AppConfig, telemetry: Telemetry): Promise<void> {
  const logger = createLogger(config.logLevel);
  await ensureTables(config.storage);
  const service = buildService(config, { logger });
  if (config.seedDemoData) {
    const seed = await seedDemoData({ stores: service.stores, rollups: service.rollups, now: new Date() });
    if (seed.seeded) logger.info(seed, 'empty store: added the demo team and its history');
  }
  const jobs = await service.startJobs();
  const server = service.app.listen(config.port, config.host, () => {
    logger.info({ host: config.host, port: config.port, mode: config.mode, telemetry: telemetry.enabled }, 'Learning Loop is listening');
  });
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    void jobs
      .stop()
      .then(() => telemetry.flush())
      .finally(() => server.close(() => process.exit(0)));
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}
