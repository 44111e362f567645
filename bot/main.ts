import path from 'node:path';
import { ConfigError, loadConfig } from './config.js';
import { seedDemoData } from './demo/seed-demo-data.js';
import { createLogger } from './logger.js';
import { buildService } from './service.js';
import { ensureTables } from './store/table-clients.js';

async function main(): Promise<void> {
  // The package root is the working directory for npm start, npm run serve and App Service alike.
  const defaultTab = path.resolve(process.cwd(), 'tab/dist');
  const config = loadConfig({ TAB_DIST_DIR: defaultTab, ...process.env });
  const logger = createLogger(config.logLevel);
  await ensureTables(config.storage);
  const service = buildService(config, { logger });
  if (config.seedDemoData) {
    const seed = await seedDemoData({ stores: service.stores, rollups: service.rollups, now: new Date() });
    if (seed.seeded) logger.info(seed, 'empty store: added the demo team and its history');
  }
  const jobs = await service.startJobs();
  const server = service.app.listen(config.port, config.host, () => {
    logger.info({ host: config.host, port: config.port, mode: config.mode }, 'Learning Loop is listening');
  });
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    void jobs.stop().finally(() => server.close(() => process.exit(0)));
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error('Learning Loop failed to start:', error);
  }
  process.exit(1);
});
