/**
 * Runs only the background jobs (scheduler, heartbeat, send worker), without the HTTP
 * endpoints: for a separate worker role, and for the fan-out benchmark, which kills it.
 */
import { pino } from 'pino';
import { loadConfig } from '../config.js';
import { buildService } from '../service.js';

const config = loadConfig(process.env);
const logger = pino({ level: config.logLevel });
const service = buildService(config, { logger, ...(process.env.INSTANCE_ID ? { instanceId: process.env.INSTANCE_ID } : {}) });
const jobs = await service.startJobs({ schedulerEveryMs: Number(process.env.SCHEDULER_EVERY_MS ?? 15_000) });
logger.info('background jobs running');
process.send?.({ ready: true });
const stop = () => void jobs.stop().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
