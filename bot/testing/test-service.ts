import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { pino } from 'pino';
import type { AppConfig } from '../config.js';
import { buildService, type Service, type ServiceOptions } from '../service.js';
import { localConfig } from './local-config.js';
import { freshTestStorage } from './test-storage.js';

export interface RunningTestService extends Service {
  baseUrl: string;
  config: AppConfig;
  stop(): Promise<void>;
}

/** The real service on a free loopback port, over fresh tables in the run's Azurite. */
export async function startTestService(
  overrides: Partial<AppConfig> = {},
  options: Partial<ServiceOptions> = {},
): Promise<RunningTestService> {
  const { storage } = await freshTestStorage();
  const config = localConfig(storage, overrides);
  const service = buildService(config, { logger: pino({ level: 'silent' }), ...options });
  // As startJobs does in production; a test that points at unreachable storage goes on without.
  await Promise.all([service.queues.sends.create(), service.queues.poison.create(), service.queues.xapi.create()]).catch(() => undefined);
  const server: Server = service.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    ...service,
    config,
    baseUrl: `http://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
