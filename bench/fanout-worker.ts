/**
 * One instance of the service's background jobs (scheduler, heartbeat, send worker) for the
 * fan-out benchmark, run as its own process so the benchmark can kill it with SIGKILL.
 */
import { pino } from 'pino';
import { loadConfig } from '../bot/config.js';
import { buildService } from '../bot/service.js';

const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent' });
const service = buildService(config, { logger: pino({ level: process.env.BENCH_LOG_LEVEL ?? 'silent' }), instanceId: process.env.INSTANCE_ID ?? `bench-${process.pid}` });
const jobs = await service.startJobs({ schedulerEveryMs: 1000 });
process.send?.({ ready: true });
process.on('SIGTERM', () => void jobs.stop().then(() => process.exit(0)));
